/* The benchmark's table, the same for every writer (our exporter, the C
 * floor, python3-xlsxwriter in peer.py, which spells these out again): row r
 * of ROWS, ten columns. C without casts, so that the floor and our C++
 * (with -Wold-style-cast) compile it alike. */
#pragma once

#define BENCH_COLUMNS 10

static const char *const bench_headers[BENCH_COLUMNS] = {
    "ID",          "Score", "Response rate", "Answers", "Joined",
    "Last answer", "氏名",  "部署",          "Code",    "E-mail"};

/* Short Japanese and ASCII texts, from pools as a member list repeats them. */
static const char *const bench_names[16] = {"佐藤 花子", "鈴木 一郎",   "髙橋 誠",   "田中 美咲",
                                            "伊藤 大輔", "渡辺 陽菜",   "山本 翔",   "中村 彩",
                                            "小林 健太", "加藤 結衣",   "吉田 拓海", "山田 葵",
                                            "佐々木 蓮", "山口 さくら", "松本 悠斗", "井上 七海"};
static const char *const bench_departments[8] = {
    "営業部", "開発部", "人事部", "経理部", "総務部", "製造部", "品質保証部", "マーケティング部"};
static const char *const bench_domains[4] = {"example.com", "example.co.jp", "sakura.example",
                                             "northwind.example"};

/* Excel serial days of 2000-01-01 and 2020-01-01. */
#define BENCH_SERIAL_2000 36526
#define BENCH_SERIAL_2020 43831

static inline double bench_score(long row)
{
    return (row * 37 % 1000) / 10.0;
}
static inline double bench_rate(long row)
{
    return (row % 101) / 100.0;
}
static inline long bench_answers(long row)
{
    return row % 50;
}
static inline long bench_joined(long row)
{
    return BENCH_SERIAL_2000 + row % 9000;
}
static inline long bench_last_answer(long row)
{
    return BENCH_SERIAL_2020 + row % 1500;
}
static inline const char *bench_name(long row)
{
    return bench_names[row % 16];
}
static inline const char *bench_department(long row)
{
    return bench_departments[row % 8];
}
/* Code: "E" and the row in 7 digits; e-mail: "m<row % 100000>@<domain>". */
static inline const char *bench_domain(long row)
{
    return bench_domains[row % 4];
}
