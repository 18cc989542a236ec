#!/usr/bin/python3
"""A local SMTP sink for the e-mail tests (aiosmtpd, Debian python3-aiosmtpd).

    smtpsink.py MODE OUTDIR [CERT KEY]

MODE: starttls (STARTTLS offered and required), tls (TLS from the first
byte), plain (no TLS at all), refuse-rcpt (550 to every recipient),
refuse-data (554 after the message), tempfail (451 to every recipient).
The refusing modes offer STARTTLS too. AUTH accepts the user "sink" with the
password "sink-pässword" only.

Prints {"port": N} on one line once it listens, then serves until its
standard input closes. Each message it accepts becomes OUTDIR/<n>.json:
the envelope, the login, the raw message and what Python's own e-mail
parser decodes from it (subject, body, headers), so that the test compares
the decoding of an independent implementation with what it sent.
"""

import asyncio
import email
import email.policy
import json
import logging
import os
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult

USER = b"sink"
PASSWORD = "sink-pässword".encode()


class Sink:
    def __init__(self, mode, outdir):
        self.mode = mode
        self.outdir = outdir
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.mode == "refuse-rcpt":
            return "550 5.1.1 No such user here"
        if self.mode == "tempfail":
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.mode == "refuse-data":
            return "554 5.6.0 Message refused"
        raw = envelope.original_content or envelope.content
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        body = parsed.get_body(preferencelist=("plain",))
        self.count += 1
        record = {
            "mailFrom": envelope.mail_from,
            "rcptTos": envelope.rcpt_tos,
            "login": session.auth_data.decode() if session.auth_data else None,
            # session.ssl is set by STARTTLS only; the transport knows both.
            "tls": server.transport.get_extra_info("ssl_object") is not None,
            "raw": raw.decode("ascii", "replace"),
            "subject": str(parsed["subject"]),
            "from": str(parsed["from"]),
            "to": str(parsed["to"]),
            "date": str(parsed["date"]),
            "messageId": str(parsed["message-id"]),
            "mimeVersion": str(parsed["mime-version"]),
            "contentType": parsed.get_content_type(),
            "charset": parsed.get_content_charset(),
            "body": body.get_content().replace("\r\n", "\n") if body is not None else None,
            "defects": [type(d).__name__ for d in parsed.defects],
        }
        path = os.path.join(self.outdir, "%d.json" % self.count)
        with open(path + ".tmp", "w", encoding="utf-8") as out:
            json.dump(record, out, ensure_ascii=False)
        os.replace(path + ".tmp", path)
        return "250 Message accepted"


def authenticate(server, session, envelope, mechanism, auth_data):
    if auth_data.login == USER and auth_data.password == PASSWORD:
        return AuthResult(success=True, auth_data=auth_data.login)
    return AuthResult(success=False, handled=False)


async def main():
    # The sessions the tests break on purpose (an untrusted certificate) are
    # not errors of the sink's.
    logging.getLogger("mail.log").setLevel(logging.CRITICAL)
    mode, outdir = sys.argv[1], sys.argv[2]
    context = None
    if len(sys.argv) > 4:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(sys.argv[3], sys.argv[4])
    handler = Sink(mode, outdir)
    loop = asyncio.get_running_loop()

    def protocol():
        if mode == "tls":
            # TLS is the transport itself: aiosmtpd sees no STARTTLS, so
            # AUTH must not wait for one.
            return SMTP(handler, hostname="sink.test", authenticator=authenticate,
                        auth_require_tls=False, loop=loop)
        return SMTP(handler, hostname="sink.test", authenticator=authenticate,
                    tls_context=None if mode == "plain" else context,
                    require_starttls=mode != "plain", loop=loop)

    server = await loop.create_server(protocol, "127.0.0.1", 0,
                                      ssl=context if mode == "tls" else None)
    port = server.sockets[0].getsockname()[1]
    print(json.dumps({"port": port}), flush=True)
    # Serve until the test closes our standard input (or dies).
    await loop.run_in_executor(None, sys.stdin.read)
    server.close()


if __name__ == "__main__":
    asyncio.run(main())
