# What the run scripts that measure us beside nginx with wrk share (sourced
# by bench/rest/run and bench/respondent/run): engage-server started and its
# announcement read, nginx started unprivileged on the same certificate with
# our security headers, the TLS each negotiates, and wrk runs that account
# the servers' CPU.
#
# The sourcing script sets: python (the interpreter), tmp (its temporary
# directory), pids (an array: every process started here joins it, for the
# script's cleanup), workers (nginx's worker processes), wrk_threads,
# connections, duration and warmup (seconds); and defines die and say.

# Starts engage-server --demo with stdout to FILE and waits for its
# announcement: one JSON line with the URL and, per demo tenant, the owner's
# credentials. Sets $url and the first tenant's $slug, $email and $password.
start_ours() {
  local out=$1; shift
  "$@" >"$out" 2>"$out.err" &
  pids+=($!)
  local pid=$! fields
  for _ in $(seq 600); do
    # A whole line (newline included) before it is read.
    if [ -n "$(tail -c1 "$out" 2>/dev/null)" ] || [ ! -s "$out" ]; then
      kill -0 "$pid" 2>/dev/null || die "$1 exited: $(cat "$out.err")"
      sleep 0.1
      continue
    fi
    mapfile -t fields < <("$python" -c '
import json, sys
line = json.loads(open(sys.argv[1]).readline())
owner = line["tenants"][0]
for value in (line["url"], owner["slug"], owner["adminEmail"], owner["adminPassword"]):
    assert "\n" not in value
    print(value)
' "$out") || die "$1 announced no url and tenants: $(head -c 300 "$out")"
    [ "${#fields[@]}" -eq 4 ] || die "$1 announced no url and tenants"
    url=${fields[0]} slug=${fields[1]} email=${fields[2]} password=${fields[3]}
    return 0
  done
  die "$1 did not announce itself within 60 s"
}

# Starts nginx on a free port serving $tmp/www over TLS with CERT and KEY,
# our security headers (CSP given, since a page has its own), and SERVER,
# more directives of its server block (locations, types). Ready once PROBE
# (a path) answers. Sets $peer_url and $nginx_pids (master and workers).
start_nginx() {
  local cert=$1 key=$2 csp=$3 server=$4 probe=$5
  local user_line="" port started=0
  [ "$(id -u)" -ne 0 ] || user_line="user root;" # the workers must read the files in $tmp
  mkdir -p "$tmp/nginx"
  for _ in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 40000))
    cat >"$tmp/nginx/nginx.conf" <<CONF
$user_line
worker_processes $workers;
daemon off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $tmp/nginx/client_body;
  proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi;
  scgi_temp_path $tmp/nginx/scgi;
  server_tokens off;
  keepalive_requests 10000000;
  keepalive_timeout 75s;
  etag off;
  server {
    listen 127.0.0.1:$port ssl;
    ssl_certificate $cert;
    ssl_certificate_key $key;
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_ecdh_curve X25519:prime256v1:secp384r1;
    root $tmp/www;
    # The same headers as engage-server's responses.
    add_header Cache-Control "no-store" always;
    add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;
    add_header X-Content-Type-Options "nosniff" always;
    add_header X-Frame-Options "DENY" always;
    add_header Content-Security-Policy "$csp" always;
    add_header Referrer-Policy "no-referrer" always;
    add_header X-Request-Id \$request_id always;
$server
    location / { return 404; }
  }
}
CONF
    nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -e "$tmp/nginx/error.log" >&2 &
    local pid=$!
    for _ in $(seq 50); do
      if curl -sf --cacert "$cert" -o /dev/null "https://127.0.0.1:$port$probe"; then
        pids+=($pid)
        started=1
        break
      fi
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if [ "$started" -eq 1 ]; then
      peer_url=https://127.0.0.1:$port
      nginx_pids=("$pid" $(pgrep -P "$pid")) # master and workers
      return 0
    fi
    kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  done
  die "nginx did not start: $(cat "$tmp/nginx/error.log" 2>/dev/null)"
}

protocol() { # "TLSv1.3 TLS_AES_256_GCM_SHA384" as a default OpenSSL client (wrk) negotiates it
  openssl s_client -connect "${1#https://}" </dev/null 2>/dev/null | sed -n 's/^New, \([^,]*\), Cipher is \(.*\)/\1 \2/p' | head -1
}

# CPU ticks (user + system) spent so far by the processes PID...
ticks() {
  local total=0 pid fields
  for pid in "$@"; do
    read -r -a fields <"/proc/$pid/stat" || continue
    total=$((total + fields[13] + fields[14])) # utime, stime (comm has no spaces here)
  done
  echo "$total"
}
hz=$(getconf CLK_TCK)

# Runs wrk against URL (wrk arguments after "--"), accounting the CPU time of
# the server processes PID..., and prints "RPS P99_MS ERRORS CPU_PERCENT
# REQUESTS" (REQUESTS: answers of the measured run, warm-up not counted). With
# the array warmup_args set, the warm-up runs with those wrk arguments instead
# (another slice of a script's input).
measure() {
  local url=$1; shift
  local servers=()
  while [ "$1" != -- ]; do servers+=("$1"); shift; done
  shift
  local warm=("$@")
  [ -z "${warmup_args+set}" ] || warm=("${warmup_args[@]}")
  # The URL before the arguments: a script's own come last, after "--".
  wrk -t"$wrk_threads" -c"$connections" -d"${warmup}s" "$url" "${warm[@]}" >/dev/null
  say "    load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  local out before after
  before=$(ticks "${servers[@]}")
  out=$(wrk -t"$wrk_threads" -c"$connections" -d"${duration}s" --latency "$url" "$@")
  after=$(ticks "${servers[@]}")
  printf '%s\n' "$out" | sed 's/^/    /' >&2
  printf '%s\n' "$out" | awk -v cpu="$(((after - before) * 100 / hz / duration))" '
    /^Requests\/sec:/ { rps = $2 }
    / requests in / { requests = $1 }
    $1 == "99%" { v = $2; f = 1
                  if (v ~ /us$/) f = 0.001; else if (v ~ /ms$/) f = 1; else if (v ~ /m$/) f = 60000; else if (v ~ /s$/) f = 1000
                  sub(/[a-z]+$/, "", v); p99 = v * f }
    /Non-2xx or 3xx responses:/ { errors += $NF }
    /Socket errors:/ { gsub(/,/, ""); errors += $4 + $6 + $8 + $10 }
    END { printf "%.0f %.2f %d %d %d\n", rps, p99, errors, cpu, requests }'
}
