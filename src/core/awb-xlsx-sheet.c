/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-xlsx"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "awb-xlsx-private.h"
#include "awb-case.h"
#include "awb-error.h"
#include "awb-finding.h"
#include "awb-panel.h"


/* What every sheet of the workbook shares: the formats, the page setup,
 * header and footer, the protection, the frozen header, the bookkeeping of
 * errors and progress, and the labels of the record's own values. */

/* Fill and font colours of the conditional formats, chosen to read in
 * greyscale print too. */
#define GOOD_FILL    0xC6EFCE
#define GOOD_FONT    0x006100
#define FAIR_FILL    0xFFEB9C
#define FAIR_FONT    0x7F4F00
#define BAD_FILL     0xFFC7CE
#define BAD_FONT     0x9C0006
#define NEUTRAL_FILL 0xEDEDED
#define NEUTRAL_FONT 0x404040
#define ASIDE_FILL   0xDDEBF7
#define ASIDE_FONT   0x1F4E78
#define HEADER_FILL  0xD9E1F2
#define INPUT_FILL   0xFFF2CC
#define BORDER_GREY  0xA6A6A6

static lxw_format *
new_format (AwbXlsxContext *ctx)
{
  lxw_format *f = workbook_add_format (ctx->workbook);

  format_set_align (f, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

static lxw_format *
new_conditional (AwbXlsxContext *ctx,
                 lxw_color_t     fill,
                 lxw_color_t     font)
{
  lxw_format *f = workbook_add_format (ctx->workbook);

  format_set_bg_color (f, fill);
  format_set_font_color (f, font);
  return f;
}

void
_awb_xlsx_formats_init (AwbXlsxContext *ctx)
{
  AwbXlsxFormats *f = &ctx->f;

  f->title = new_format (ctx);
  format_set_bold (f->title);
  format_set_font_size (f->title, 14);

  f->heading = new_format (ctx);
  format_set_bold (f->heading);
  format_set_font_size (f->heading, 12);
  format_set_bottom (f->heading, LXW_BORDER_THIN);

  f->header = new_format (ctx);
  format_set_bold (f->header);
  format_set_text_wrap (f->header);
  format_set_bg_color (f->header, HEADER_FILL);
  format_set_border (f->header, LXW_BORDER_THIN);
  format_set_border_color (f->header, BORDER_GREY);

  f->label = new_format (ctx);
  format_set_bold (f->label);
  format_set_text_wrap (f->label);

  f->text = new_format (ctx);
  format_set_text_wrap (f->text);

  f->plain = new_format (ctx);

  f->number = new_format (ctx);
  format_set_align (f->number, LXW_ALIGN_CENTER);

  f->strong = new_format (ctx);
  format_set_bold (f->strong);

  f->date = new_format (ctx);
  format_set_num_format (f->date, "yyyy-mm-dd");
  format_set_align (f->date, LXW_ALIGN_LEFT);

  f->datetime = new_format (ctx);
  format_set_num_format (f->datetime, "yyyy-mm-dd hh:mm");
  format_set_align (f->datetime, LXW_ALIGN_LEFT);

  f->total = new_format (ctx);
  format_set_bold (f->total);
  format_set_top (f->total, LXW_BORDER_THIN);

  f->note = new_format (ctx);
  format_set_italic (f->note);
  format_set_font_color (f->note, 0x595959);

  f->input = new_format (ctx);
  format_set_unlocked (f->input);
  format_set_text_wrap (f->input);
  format_set_bg_color (f->input, INPUT_FILL);
  format_set_border (f->input, LXW_BORDER_THIN);
  format_set_border_color (f->input, BORDER_GREY);

  f->input_date = new_format (ctx);
  format_set_unlocked (f->input_date);
  format_set_num_format (f->input_date, "yyyy-mm-dd");
  format_set_align (f->input_date, LXW_ALIGN_LEFT);
  format_set_bg_color (f->input_date, INPUT_FILL);
  format_set_border (f->input_date, LXW_BORDER_THIN);
  format_set_border_color (f->input_date, BORDER_GREY);

  f->signature = new_format (ctx);
  format_set_unlocked (f->signature);
  format_set_bg_color (f->signature, INPUT_FILL);
  format_set_bottom (f->signature, LXW_BORDER_MEDIUM);

  f->disabled = new_format (ctx);
  format_set_bg_color (f->disabled, NEUTRAL_FILL);
  format_set_border (f->disabled, LXW_BORDER_THIN);
  format_set_border_color (f->disabled, BORDER_GREY);

  f->overdue_text = new_format (ctx);
  format_set_text_wrap (f->overdue_text);
  format_set_bg_color (f->overdue_text, BAD_FILL);
  format_set_font_color (f->overdue_text, BAD_FONT);
  format_set_bold (f->overdue_text);

  f->overdue_date = new_format (ctx);
  format_set_num_format (f->overdue_date, "yyyy-mm-dd");
  format_set_align (f->overdue_date, LXW_ALIGN_LEFT);
  format_set_bg_color (f->overdue_date, BAD_FILL);
  format_set_font_color (f->overdue_date, BAD_FONT);
  format_set_bold (f->overdue_date);

  f->good_cell = new_format (ctx);
  format_set_bg_color (f->good_cell, GOOD_FILL);
  format_set_font_color (f->good_cell, GOOD_FONT);
  f->fair_cell = new_format (ctx);
  format_set_bg_color (f->fair_cell, FAIR_FILL);
  format_set_font_color (f->fair_cell, FAIR_FONT);
  f->bad_cell = new_format (ctx);
  format_set_bg_color (f->bad_cell, BAD_FILL);
  format_set_font_color (f->bad_cell, BAD_FONT);

  f->good = new_conditional (ctx, GOOD_FILL, GOOD_FONT);
  f->fair = new_conditional (ctx, FAIR_FILL, FAIR_FONT);
  f->bad = new_conditional (ctx, BAD_FILL, BAD_FONT);
  f->neutral = new_conditional (ctx, NEUTRAL_FILL, NEUTRAL_FONT);
  f->aside = new_conditional (ctx, ASIDE_FILL, ASIDE_FONT);
}

/* Text for a page header or footer: "&" doubled (a lone one starts a code),
 * cut to max_chars characters after escaping, never inside a "&&". */
char *
_awb_xlsx_escape_page_text (const char *text,
                            gsize       max_chars)
{
  GString *out = g_string_new (NULL);
  gsize chars = 0;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      gsize need = c == '&' ? 2 : 1;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (chars + need > max_chars)
        break;
      if (c < 0x20)
        c = ' ';
      if (c == '&')
        g_string_append (out, "&&");
      else
        g_string_append_unichar (out, c);
      chars += need;
    }
  return g_string_free (out, FALSE);
}

void
_awb_xlsx_check (AwbXlsxContext *ctx,
                 lxw_error       status,
                 const char     *what)
{
  if (status == LXW_NO_ERROR || ctx->lxw_status != LXW_NO_ERROR)
    return;
  ctx->lxw_status = status;
  ctx->lxw_where = g_strdup (what);
}

gboolean
_awb_xlsx_failed (AwbXlsxContext *ctx)
{
  return ctx->error != NULL || ctx->lxw_status != LXW_NO_ERROR;
}

gboolean
_awb_xlsx_fail_db (AwbXlsxContext *ctx,
                   GError         *error)
{
  if (ctx->error == NULL)
    ctx->error = error;
  else
    g_error_free (error);
  return FALSE;
}

lxw_worksheet *
_awb_xlsx_add_sheet (AwbXlsxContext      *ctx,
                     const char          *name,
                     const AwbXlsxColumn *columns,
                     guint                n_columns,
                     guint                frozen_rows,
                     guint                frozen_cols)
{
  /* sheet names have a context of their own: "Summary" is also an interview's field */
  const char *title = g_dpgettext2 (GETTEXT_PACKAGE, "workbook sheet", name);
  lxw_protection protection = { 0 };
  lxw_worksheet *ws;

  /* a translation Excel would refuse as a sheet name falls back to English */
  if (workbook_validate_sheet_name (ctx->workbook, title) != LXW_NO_ERROR)
    title = name;

  _awb_xlsx_finish_row (ctx);
  ctx->what = title;
  ws = workbook_add_worksheet (ctx->workbook, title);
  if (ws == NULL)
    {
      /* in constant_memory mode each sheet opens a temporary file right away */
      int saved = errno;

      if (ctx->error == NULL)
        g_set_error (&ctx->error, AWB_ERROR, AWB_ERROR_IO,
                     _("The sheet “%s” cannot be started: a temporary file in folder %s "
                       "cannot be created (%s). Check that the folder is writable and has free "
                       "space. Nothing was written."),
                     title, ctx->folder, g_strerror (saved != 0 ? saved : EIO));
      return NULL;
    }
  g_ptr_array_add (ctx->worksheets, ws);

  g_free (ctx->widths);
  ctx->widths = g_new (double, n_columns);
  ctx->n_widths = n_columns;
  for (guint i = 0; i < n_columns; i++)
    ctx->widths[i] = columns[i].width;
  for (guint i = 0; i < n_columns; i++)
    _awb_xlsx_check (ctx, worksheet_set_column (ws, (lxw_col_t) i, (lxw_col_t) i,
                                                columns[i].width, NULL), title);

  if (frozen_rows > 0 || frozen_cols > 0)
    worksheet_freeze_panes (ws, (lxw_row_t) frozen_rows, (lxw_col_t) frozen_cols);

  worksheet_set_landscape (ws);
  worksheet_set_paper (ws, 9);  /* A4 */
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_set_margins (ws, 0.5, 0.5, 0.7, 0.7);
  if (frozen_rows > 0)
    _awb_xlsx_check (ctx, worksheet_repeat_rows (ws, 0, (lxw_row_t) (frozen_rows - 1)), title);
  _awb_xlsx_check (ctx, worksheet_set_header (ws, ctx->page_header), title);
  _awb_xlsx_check (ctx, worksheet_set_footer (ws, ctx->page_footer), title);

  /* No password: the protection keeps the panel from breaking the data by
   * accident, it is not a lock. Sorting, filters and column widths stay free. */
  protection.format_columns = 1;
  protection.format_rows = 1;
  protection.sort = 1;
  protection.autofilter = 1;
  worksheet_protect (ws, NULL, &protection);

  return ws;
}

void
_awb_xlsx_header_row (AwbXlsxContext      *ctx,
                      lxw_worksheet       *ws,
                      lxw_row_t            row,
                      const AwbXlsxColumn *columns,
                      guint                n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    _awb_xlsx_text (ctx, ws, row, (lxw_col_t) i, columns[i].title, ctx->f.header);
}

/* Records the sheet and checks its temporary file: libxlsxwriter does not
 * report a failed write to it (a full disk) until the file is broken. */
void
_awb_xlsx_sheet_done (AwbXlsxContext *ctx,
                      lxw_worksheet  *ws,
                      guint           records)
{
  AwbXlsxSheet *sheet;

  _awb_xlsx_finish_row (ctx);
  if (ws->optimize_tmpfile != NULL &&
      (fflush (ws->optimize_tmpfile) != 0 || ferror (ws->optimize_tmpfile)))
    {
      int saved = errno;

      if (ctx->error == NULL)
        g_set_error (&ctx->error, AWB_ERROR, AWB_ERROR_IO,
                     _("Writing the sheet “%s” failed in folder %s: %s. Free some space or "
                       "choose another folder. Nothing was written."),
                     ws->name, ctx->folder, g_strerror (saved != 0 ? saved : ENOSPC));
    }

  sheet = g_new0 (AwbXlsxSheet, 1);
  sheet->name = g_strdup (ws->name);
  sheet->rows = records;
  g_ptr_array_add (ctx->sheets, sheet);
}

/* Colours every cell of a column equal to value (a label in the UI language). */
void
_awb_xlsx_conditional_text (AwbXlsxContext *ctx,
                            lxw_worksheet  *ws,
                            lxw_row_t       first_row,
                            lxw_row_t       last_row,
                            lxw_col_t       col,
                            const char     *value,
                            lxw_format     *format)
{
  lxw_conditional_format cf = { 0 };
  g_autofree char *quoted = NULL;
  GString *q = g_string_new ("\"");

  /* a formula string literal: quotes doubled */
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (q, '"');
      g_string_append_c (q, *p);
    }
  g_string_append_c (q, '"');
  quoted = g_string_free (q, FALSE);

  cf.type = LXW_CONDITIONAL_TYPE_CELL;
  cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
  cf.value_string = quoted;
  cf.format = format;
  _awb_xlsx_check (ctx, worksheet_conditional_format_range (ws, first_row, col, last_row, col,
                                                            &cf), ws->name);
}

/* Counts rows written; reports progress and notices cancellation. */
gboolean
_awb_xlsx_tick (AwbXlsxContext *ctx,
                guint           rows)
{
  int permille;

  ctx->rows_done += rows;
  if (g_cancellable_is_cancelled (ctx->cancellable))
    {
      if (ctx->error == NULL)
        g_set_error (&ctx->error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                     _("The export was cancelled. Nothing was written."));
      return FALSE;
    }
  if (ctx->progress == NULL || ctx->rows_total == 0)
    return TRUE;
  permille = (int) MIN (1000, ctx->rows_done * 1000 / ctx->rows_total);
  if (permille != ctx->last_permille)
    {
      ctx->last_permille = permille;
      ctx->progress (permille / 1000.0, ctx->what, ctx->progress_data);
    }
  return TRUE;
}

const char *
_awb_xlsx_yes_no (gboolean value)
{
  return value ? _("Yes") : _("No");
}

const char *
_awb_xlsx_finding_status_label (const char *status)
{
  AwbFindingStatus value;

  return awb_finding_status_from_string (status, &value) ? awb_finding_status_label (value)
                                                         : status;
}

const char *
_awb_xlsx_finding_kind_label (const char *kind)
{
  AwbFindingKind value;

  return awb_finding_kind_from_string (kind, &value) ? awb_finding_kind_label (value) : kind;
}

void
_awb_xlsx_string_free (gpointer string)
{
  g_string_free (string, TRUE);
}

const char *
_awb_xlsx_stage_label (const char *stage)
{
  AwbStage value;

  return awb_stage_from_string (stage, &value) ? awb_stage_label (value) : stage;
}

const char *
_awb_xlsx_app_type_label (const char *app_type)
{
  if (g_strcmp0 (app_type, "initial") == 0)
    return _("Initial application");
  if (g_strcmp0 (app_type, "maintenance") == 0)
    return _("Maintenance");
  return app_type;
}

const char *
_awb_xlsx_date_kind_label (const char *kind)
{
  AwbCaseDate value;

  return awb_case_date_from_string (kind, &value) ? awb_case_date_label (value) : kind;
}

/* cases.panel_conclusion: NULL or "pending", "pass", "fail" */
const char *
_awb_xlsx_panel_label (const char *conclusion)
{
  for (AwbPanelConclusion c = AWB_PANEL_PENDING; c <= AWB_PANEL_FAIL; c++)
    if (g_strcmp0 (conclusion, awb_panel_conclusion_to_string (c)) == 0)
      return awb_panel_conclusion_label (c);
  return conclusion != NULL ? conclusion : awb_panel_conclusion_label (AWB_PANEL_PENDING);
}

const char *
_awb_xlsx_suggested_label (const char *suggested)
{
  AwbRating rating;

  if (awb_rating_from_string (suggested, &rating))
    return awb_rating_label (rating);
  if (g_strcmp0 (suggested, "review") == 0)
    return _("Review needed");
  return _("No suggestion");
}
