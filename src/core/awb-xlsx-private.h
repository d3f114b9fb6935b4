/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <xlsxwriter.h>

#include "awb-catalogue.h"
#include "awb-database-private.h"
#include "awb-judge.h"
#include "awb-xlsx-exporter.h"

G_BEGIN_DECLS

/* Shared by the files of the xlsx exporter (awb-xlsx-*.c) and nobody else:
 * libxlsxwriter stays behind this header. */

/* Excel's limit on the characters (UTF-16 units) of one cell. */
#define AWB_XLSX_CELL_MAX 32767
/* Excel's limit on a page header or footer, codes included. */
#define AWB_XLSX_HEADER_FOOTER_MAX 255

typedef struct
{
  lxw_format *title;
  lxw_format *heading;
  lxw_format *header;
  lxw_format *label;
  lxw_format *text;       /* wrapped, top-aligned */
  lxw_format *plain;      /* top-aligned, not wrapped: ids, codes */
  lxw_format *number;
  lxw_format *strong;     /* bold, not wrapped */
  lxw_format *date;
  lxw_format *datetime;
  lxw_format *total;
  lxw_format *note;
  lxw_format *input;      /* unlocked: the panel's cells */
  lxw_format *input_date;
  lxw_format *signature;
  lxw_format *disabled;   /* a cell the panel does not fill */
  lxw_format *overdue_text;
  lxw_format *overdue_date;
  lxw_format *good_cell;  /* the colours below, for cells written with them */
  lxw_format *fair_cell;
  lxw_format *bad_cell;
  lxw_format *good;       /* conditional formats: conformant, sufficient, passed */
  lxw_format *fair;       /* largely, insufficient */
  lxw_format *bad;        /* non-conformant, contradicted, failed */
  lxw_format *neutral;    /* unrated, no evidence */
  lxw_format *aside;      /* not applicable */
} AwbXlsxFormats;

/* The case as the workbook shows it. */
typedef struct
{
  char         *id;
  char         *applicant;
  char         *credit_code;
  char         *app_type;
  char         *previous_certificate;
  char         *previous_expiry;
  char         *stage;
  char         *submitted_at;
  char         *team_conclusion;
  char         *panel_conclusion;
  char         *panel_concluded_at;
  char         *leader;      /* the project leaders, ", "-joined, or NULL */
  char         *evaluators;
  AwbCatalogue *catalogue;   /* borrowed from the registry */
  GHashTable   *positions;   /* requirement id → catalogue position + 1 */
  AwbJudgement *judgement;
} AwbXlsxCase;

typedef struct
{
  AwbDatabase         *db;
  lxw_workbook        *workbook;
  GCancellable        *cancellable;
  AwbXlsxProgressFunc  progress;
  gpointer             progress_data;
  guint64              rows_total;
  guint64              rows_done;
  int                  last_permille;
  const char          *what;         /* the sheet being written */
  GPtrArray           *sheets;       /* AwbXlsxSheet* */
  GPtrArray           *worksheets;   /* lxw_worksheet*, borrowed */
  lxw_error            lxw_status;   /* the first libxlsxwriter error */
  char                *lxw_where;
  GError              *error;        /* the first other failure */
  char                *page_header;
  char                *page_footer;
  char                *folder;       /* where the file and the temporary files go */
  /* the row being written, whose height follows its tallest wrapped cell:
   * neither Excel nor LibreOffice grows a row written without a height */
  lxw_worksheet       *row_ws;
  lxw_row_t            row;
  double               row_lines;
  double               row_points;   /* a height asked for, or 0 */
  double              *widths;       /* column widths of the sheet being written */
  guint                n_widths;
  GDate                today;
  GTimeZone           *utc;
  GTimeZone           *local;
  AwbXlsxFormats       f;
  AwbXlsxCase         *kase;         /* NULL for the portfolio */
} AwbXlsxContext;

typedef struct
{
  const char *title;  /* translated */
  double      width;
} AwbXlsxColumn;

/* awb-xlsx-sheet.c (formats, sheets, bookkeeping) and awb-xlsx-cells.c (cells, rows) */
void            _awb_xlsx_formats_init    (AwbXlsxContext *ctx);
const char     *_awb_xlsx_cell_text       (const char     *text,
                                           const char     *where,
                                           char          **owned);
char           *_awb_xlsx_escape_page_text (const char    *text,
                                            gsize          max_chars);
/* name: the English name, marked for translation in the context "workbook sheet" */
lxw_worksheet  *_awb_xlsx_add_sheet       (AwbXlsxContext      *ctx,
                                           const char          *name,
                                           const AwbXlsxColumn *columns,
                                           guint                n_columns,
                                           guint                frozen_rows,
                                           guint                frozen_cols);
void            _awb_xlsx_header_row      (AwbXlsxContext      *ctx,
                                           lxw_worksheet       *ws,
                                           lxw_row_t            row,
                                           const AwbXlsxColumn *columns,
                                           guint                n_columns);
void            _awb_xlsx_sheet_done      (AwbXlsxContext *ctx,
                                           lxw_worksheet  *ws,
                                           guint           records);
void            _awb_xlsx_text            (AwbXlsxContext *ctx,
                                           lxw_worksheet  *ws,
                                           lxw_row_t       row,
                                           lxw_col_t       col,
                                           const char     *text,
                                           lxw_format     *format);
void            _awb_xlsx_text_cut        (AwbXlsxContext *ctx,
                                           lxw_worksheet  *ws,
                                           lxw_row_t       row,
                                           lxw_col_t       col,
                                           const char     *text,
                                           const char     *where,
                                           lxw_format     *format);
void            _awb_xlsx_number          (AwbXlsxContext *ctx,
                                           lxw_worksheet  *ws,
                                           lxw_row_t       row,
                                           lxw_col_t       col,
                                           double          value,
                                           lxw_format     *format);
void            _awb_xlsx_date            (AwbXlsxContext *ctx,
                                           lxw_worksheet  *ws,
                                           lxw_row_t       row,
                                           lxw_col_t       col,
                                           const char     *date,
                                           lxw_format     *format);
void            _awb_xlsx_timestamp       (AwbXlsxContext *ctx,
                                           lxw_worksheet  *ws,
                                           lxw_row_t       row,
                                           lxw_col_t       col,
                                           const char     *timestamp,
                                           lxw_format     *format);
void            _awb_xlsx_blank           (AwbXlsxContext *ctx,
                                           lxw_worksheet  *ws,
                                           lxw_row_t       row,
                                           lxw_col_t       col,
                                           lxw_format     *format);
void            _awb_xlsx_check           (AwbXlsxContext *ctx,
                                           lxw_error       status,
                                           const char     *what);
void            _awb_xlsx_row_height      (AwbXlsxContext *ctx,
                                           lxw_worksheet  *ws,
                                           lxw_row_t       row,
                                           double          points);
void            _awb_xlsx_finish_row      (AwbXlsxContext *ctx);
void            _awb_xlsx_datetime        (AwbXlsxContext *ctx,
                                           lxw_worksheet  *ws,
                                           lxw_row_t       row,
                                           lxw_col_t       col,
                                           lxw_datetime   *datetime,
                                           lxw_format     *format);
gboolean        _awb_xlsx_tick            (AwbXlsxContext *ctx,
                                           guint           rows);
gboolean        _awb_xlsx_failed          (AwbXlsxContext *ctx);
gboolean        _awb_xlsx_date_parse      (const char     *text,
                                           lxw_datetime   *out);
gboolean        _awb_xlsx_timestamp_parse (AwbXlsxContext *ctx,
                                           const char     *timestamp,
                                           lxw_datetime   *out);
gboolean        _awb_xlsx_fail_db         (AwbXlsxContext *ctx,
                                           GError         *error);
void            _awb_xlsx_conditional_text (AwbXlsxContext *ctx,
                                            lxw_worksheet  *ws,
                                            lxw_row_t       first_row,
                                            lxw_row_t       last_row,
                                            lxw_col_t       col,
                                            const char     *value,
                                            lxw_format     *format);

/* awb-xlsx-file.c */
char           *_awb_xlsx_check_target    (const char     *path,
                                           AwbXlsxFlags    flags,
                                           GError        **error);
char           *_awb_xlsx_temporary_name  (const char     *path);
void            _awb_xlsx_set_lxw_error   (AwbXlsxContext *ctx,
                                           lxw_error       status,
                                           int             saved_errno,
                                           const char     *path,
                                           GError        **error);
gboolean        _awb_xlsx_place_file      (const char     *tmp,
                                           const char     *path,
                                           const char     *folder,
                                           AwbXlsxFlags    flags,
                                           GError        **error);
void            _awb_xlsx_discard_workbook (AwbXlsxContext *ctx);

/* Labels of the record's own values, in the UI language. */
const char     *_awb_xlsx_stage_label     (const char *stage);
const char     *_awb_xlsx_app_type_label  (const char *app_type);
const char     *_awb_xlsx_date_kind_label (const char *kind);
const char     *_awb_xlsx_panel_label     (const char *conclusion);
const char     *_awb_xlsx_suggested_label (const char *suggested);
const char     *_awb_xlsx_yes_no          (gboolean    value);
const char     *_awb_xlsx_finding_status_label (const char *status);
const char     *_awb_xlsx_finding_kind_label (const char *kind);
void            _awb_xlsx_string_free     (gpointer    string);

/* The sheets, in workbook order. Each returns FALSE when the export failed. */
gboolean        _awb_xlsx_write_summary      (AwbXlsxContext *ctx);
gboolean        _awb_xlsx_write_requirements (AwbXlsxContext *ctx);
gboolean        _awb_xlsx_write_evidence     (AwbXlsxContext *ctx);
gboolean        _awb_xlsx_write_findings     (AwbXlsxContext *ctx);
gboolean        _awb_xlsx_write_registers    (AwbXlsxContext *ctx);
gboolean        _awb_xlsx_write_panel        (AwbXlsxContext *ctx);
gboolean        _awb_xlsx_write_portfolio    (AwbXlsxContext *ctx);

/* Row counts for the progress bar. */
guint64         _awb_xlsx_count_case_rows    (AwbXlsxContext *ctx);

G_END_DECLS
