/* The floor of the export benchmark: the same table written by a minimal C
 * program calling libxlsxwriter directly in constant-memory mode, with the
 * same formats, frozen header, filter and widths as our exporter's.
 * Usage: engage-bench-export-floor ROWS FILE
 * Prints one JSON line: {"seconds", "baselineKiB", "peakKiB"}. */
#include "data.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

static long status_kib(const char *field)
{
    FILE *status = fopen("/proc/self/status", "r");
    char line[256];
    long value = -1;
    size_t length = strlen(field);
    while (status && fgets(line, sizeof line, status))
        if (strncmp(line, field, length) == 0)
            value = strtol(line + length + 1, NULL, 10);
    if (status)
        fclose(status);
    return value;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s ROWS FILE\n", argv[0]);
        return 2;
    }
    long rows = strtol(argv[1], NULL, 10);
    long baseline = status_kib("VmRSS:");
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);

    lxw_workbook_options options = {.constant_memory = LXW_TRUE};
    lxw_workbook *workbook = workbook_new_opt(argv[2], &options);
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "Members");
    lxw_format *header = workbook_add_format(workbook);
    format_set_bold(header);
    lxw_format *date = workbook_add_format(workbook);
    format_set_num_format(date, "yyyy-mm-dd");
    lxw_format *percent = workbook_add_format(workbook);
    format_set_num_format(percent, "0.0%");
    for (lxw_col_t column = 0; column < BENCH_COLUMNS; ++column) {
        worksheet_set_column(sheet, column, column, 14, NULL);
        worksheet_write_string(sheet, 0, column, bench_headers[column], header);
    }
    worksheet_freeze_panes(sheet, 1, 0);
    char code[16], mail[64];
    for (long row = 0; row < rows; ++row) {
        lxw_row_t r = (lxw_row_t)row + 1;
        worksheet_write_number(sheet, r, 0, (double)row, NULL);
        worksheet_write_number(sheet, r, 1, bench_score(row), NULL);
        worksheet_write_number(sheet, r, 2, bench_rate(row), percent);
        worksheet_write_number(sheet, r, 3, (double)bench_answers(row), NULL);
        worksheet_write_number(sheet, r, 4, (double)bench_joined(row), date);
        worksheet_write_number(sheet, r, 5, (double)bench_last_answer(row), date);
        worksheet_write_string(sheet, r, 6, bench_name(row), NULL);
        worksheet_write_string(sheet, r, 7, bench_department(row), NULL);
        snprintf(code, sizeof code, "E%07ld", row);
        worksheet_write_string(sheet, r, 8, code, NULL);
        snprintf(mail, sizeof mail, "m%ld@%s", row % 100000, bench_domain(row));
        worksheet_write_string(sheet, r, 9, mail, NULL);
    }
    worksheet_autofilter(sheet, 0, 0, (lxw_row_t)rows, BENCH_COLUMNS - 1);
    lxw_error error = workbook_close(workbook);

    clock_gettime(CLOCK_MONOTONIC, &end);
    if (error != LXW_NO_ERROR) {
        fprintf(stderr, "workbook_close: %s\n", lxw_strerror(error));
        return 1;
    }
    printf("{\"seconds\": %.3f, \"baselineKiB\": %ld, \"peakKiB\": %ld}\n",
           (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9,
           baseline, status_kib("VmHWM:"));
    return 0;
}
