/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-xlsx"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "awb-error.h"
#include "awb-xlsx-private.h"

/* What every sheet of the workbook shares: the formats, the page setup and
 * protection, and cell writers that make any text safe for a cell — valid
 * UTF-8, never a formula, at most 32,767 characters (longer text is cut with a
 * visible marker saying where the full text is). */

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

/* UTF-16 units of the first len bytes of valid UTF-8: what Excel counts. */
static gsize
utf16_units (const char *text,
             gsize       len)
{
  gsize units = 0;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) text[i];

      if ((c & 0xC0) != 0x80)
        units += c >= 0xF0 ? 2 : 1;
    }
  return units;
}

/* The byte length of the longest prefix of text holding at most max_units. */
static gsize
prefix_for_units (const char *text,
                  gsize       max_units)
{
  gsize units = 0;
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      gsize u = c >= 0x10000 ? 2 : 1;

      if (units + u > max_units)
        break;
      units += u;
      p = g_utf8_next_char (p);
    }
  return (gsize) (p - text);
}

static gboolean
is_escape_sequence (const char *p)
{
  /* _xHHHH_ is how OOXML writes a character; a literal one must be escaped */
  return p[0] == '_' && p[1] == 'x' && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]) &&
         g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_';
}

/* Text fit for a cell: valid UTF-8, a literal "_xHHHH_" escaped, and at most
 * 32,767 UTF-16 units — longer text is cut and ends with a marker naming where
 * the full text is (where: "evidence 1f0c…", or NULL). The result is text
 * itself or, when it had to change, *owned (to be freed). */
const char *
_awb_xlsx_cell_text (const char  *text,
                     const char  *where,
                     char       **owned)
{
  const char *s = text != NULL ? text : "";
  gsize len;

  *owned = NULL;
  len = strlen (s);

  if (!g_utf8_validate (s, (gssize) len, NULL))
    {
      *owned = g_utf8_make_valid (s, (gssize) len);
      s = *owned;
      len = strlen (s);
    }

  if (strstr (s, "_x") != NULL)
    {
      GString *escaped = NULL;

      for (const char *p = s; *p != '\0'; p++)
        if (is_escape_sequence (p))
          {
            escaped = g_string_sized_new (len + 16);
            break;
          }
      if (escaped != NULL)
        {
          for (const char *p = s; *p != '\0'; p++)
            {
              if (is_escape_sequence (p))
                g_string_append (escaped, "_x005F");
              g_string_append_c (escaped, *p);
            }
          g_free (*owned);
          *owned = g_string_free (escaped, FALSE);
          s = *owned;
          len = strlen (s);
        }
    }

  /* a UTF-8 string never has more UTF-16 units than bytes */
  if (len > AWB_XLSX_CELL_MAX && utf16_units (s, len) > AWB_XLSX_CELL_MAX)
    {
      g_autofree char *marker = NULL;
      gsize keep;
      char *cut;

      if (where != NULL)
        marker = g_strdup_printf (_("… [cut: full text in the workbench, %s]"), where);
      else
        marker = g_strdup (_("… [cut: full text in the workbench]"));
      keep = prefix_for_units (s, AWB_XLSX_CELL_MAX - utf16_units (marker, strlen (marker)));
      cut = g_malloc (keep + strlen (marker) + 1);
      memcpy (cut, s, keep);
      strcpy (cut + keep, marker);
      g_free (*owned);
      *owned = cut;
      s = cut;
    }
  return s;
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

/* Points per line of 11-point text, and Excel's tallest row. */
#define LINE_POINTS 15.0
#define MAX_ROW_POINTS 409.0

static gboolean
format_wraps (AwbXlsxContext *ctx,
              lxw_format     *format)
{
  return format != NULL &&
         (format == ctx->f.text || format == ctx->f.label || format == ctx->f.header ||
          format == ctx->f.input || format == ctx->f.overdue_text);
}

/* About how many lines text takes in a column width characters wide (in
 * widths of the digit 0): a CJK character is about 1.75 of them and wraps
 * anywhere; Latin letters are narrower but wrap at spaces, which wastes some
 * of each line. A little too tall is better than a line cut off. */
static double
estimate_lines (const char *text,
                gsize       len,
                double      width)
{
  double cap = MAX_ROW_POINTS / LINE_POINTS;
  double lines = 0;
  double latin = 0;
  double wide = 0;

  /* bytes are never fewer than digit widths, so short text fits on one line */
  if (len + 1 <= width && memchr (text, '\n', len) == NULL)
    return 1;

  for (const char *p = text; lines < cap;)
    {
      guchar b = (guchar) *p;
      gunichar c;

      if (b == '\n' || b == '\0')
        {
          lines += MAX (1.0, ceil ((latin * 1.08 + wide) / width));
          latin = wide = 0;
          if (b == '\0')
            break;
          p++;
          continue;
        }
      if (b < 0x80)
        {
          latin += g_ascii_isupper (b) ? 1.15 : 0.95;
          p++;
          continue;
        }
      c = g_utf8_get_char (p);
      p = g_utf8_next_char (p);
      /* the CJK blocks and full-width forms, without a table lookup */
      if ((c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
          (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
          (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || c >= 0x1F300)
        wide += 1.75;
      else
        latin += 1.0;
    }
  return lines;
}

/* Gives the row written so far its height, before the next row starts (in
 * constant_memory mode a row cannot be changed once the next one is begun). */
void
_awb_xlsx_finish_row (AwbXlsxContext *ctx)
{
  double points;

  if (ctx->row_ws == NULL)
    return;
  points = MAX (ctx->row_points, ctx->row_lines > 1 ? ctx->row_lines * LINE_POINTS : 0);
  if (points > 0)
    _awb_xlsx_check (ctx, worksheet_set_row (ctx->row_ws, ctx->row, MIN (points, MAX_ROW_POINTS),
                                             NULL), ctx->row_ws->name);
  ctx->row_ws = NULL;
}

static void
enter_row (AwbXlsxContext *ctx,
           lxw_worksheet  *ws,
           lxw_row_t       row)
{
  if (ctx->row_ws == ws && ctx->row == row)
    return;
  _awb_xlsx_finish_row (ctx);
  ctx->row_ws = ws;
  ctx->row = row;
  ctx->row_lines = 1;
  ctx->row_points = 0;
}

/* A row taller than its text needs (a signature line). */
void
_awb_xlsx_row_height (AwbXlsxContext *ctx,
                      lxw_worksheet  *ws,
                      lxw_row_t       row,
                      double          points)
{
  enter_row (ctx, ws, row);
  ctx->row_points = MAX (ctx->row_points, points);
}

static void
measure (AwbXlsxContext *ctx,
         lxw_worksheet  *ws,
         lxw_row_t       row,
         lxw_col_t       col,
         const char     *text,
         lxw_format     *format)
{
  enter_row (ctx, ws, row);
  if (text != NULL && col < ctx->n_widths && format_wraps (ctx, format))
    ctx->row_lines = MAX (ctx->row_lines, estimate_lines (text, strlen (text), ctx->widths[col]));
}

lxw_worksheet *
_awb_xlsx_add_sheet (AwbXlsxContext      *ctx,
                     const char          *name,
                     const AwbXlsxColumn *columns,
                     guint                n_columns,
                     guint                frozen_rows,
                     guint                frozen_cols)
{
  const char *title = _(name);
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

void
_awb_xlsx_text (AwbXlsxContext *ctx,
                lxw_worksheet  *ws,
                lxw_row_t       row,
                lxw_col_t       col,
                const char     *text,
                lxw_format     *format)
{
  _awb_xlsx_text_cut (ctx, ws, row, col, text, NULL, format);
}

/* Always a string cell, never a formula: "=SUM(A1:A2)" stays text. */
void
_awb_xlsx_text_cut (AwbXlsxContext *ctx,
                    lxw_worksheet  *ws,
                    lxw_row_t       row,
                    lxw_col_t       col,
                    const char     *text,
                    const char     *where,
                    lxw_format     *format)
{
  g_autofree char *owned = NULL;
  const char *s;

  if (text == NULL || *text == '\0')
    {
      if (format != NULL)
        _awb_xlsx_blank (ctx, ws, row, col, format);
      return;
    }
  s = _awb_xlsx_cell_text (text, where, &owned);
  measure (ctx, ws, row, col, s, format);
  _awb_xlsx_check (ctx, worksheet_write_string (ws, row, col, s, format), ws->name);
}

void
_awb_xlsx_number (AwbXlsxContext *ctx,
                  lxw_worksheet  *ws,
                  lxw_row_t       row,
                  lxw_col_t       col,
                  double          value,
                  lxw_format     *format)
{
  enter_row (ctx, ws, row);
  _awb_xlsx_check (ctx, worksheet_write_number (ws, row, col, value, format), ws->name);
}

void
_awb_xlsx_blank (AwbXlsxContext *ctx,
                 lxw_worksheet  *ws,
                 lxw_row_t       row,
                 lxw_col_t       col,
                 lxw_format     *format)
{
  enter_row (ctx, ws, row);
  _awb_xlsx_check (ctx, worksheet_write_blank (ws, row, col, format), ws->name);
}

static gboolean
parse_digits (const char *p,
              guint       n,
              int        *out)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      v = v * 10 + (p[i] - '0');
    }
  *out = v;
  return TRUE;
}

/* YYYY-MM-DD (and the date part of a longer text) as an Excel date. */
gboolean
_awb_xlsx_date_parse (const char   *text,
                      lxw_datetime *out)
{
  int y, m, d;

  if (text == NULL || strlen (text) < 10 || text[4] != '-' || text[7] != '-' ||
      !parse_digits (text, 4, &y) || !parse_digits (text + 5, 2, &m) ||
      !parse_digits (text + 8, 2, &d))
    return FALSE;
  if (y < 1900 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  memset (out, 0, sizeof *out);
  out->year = y;
  out->month = m;
  out->day = d;
  return TRUE;
}

/* A real Excel date; text that is no date is written as it is. */
void
_awb_xlsx_date (AwbXlsxContext *ctx,
                lxw_worksheet  *ws,
                lxw_row_t       row,
                lxw_col_t       col,
                const char     *date,
                lxw_format     *format)
{
  lxw_datetime dt;

  if (date == NULL || *date == '\0')
    return;
  if (date[10] == '\0' && _awb_xlsx_date_parse (date, &dt))
    _awb_xlsx_datetime (ctx, ws, row, col, &dt, format);
  else
    _awb_xlsx_text (ctx, ws, row, col, date, format);
}

/* Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's
 * civil calendar algorithms). */
static gint64
days_from_civil (gint64 y,
                 guint  m,
                 guint  d)
{
  gint64 era;
  guint yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (guint) (y - era * 400);
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (gint64) doe - 719468;
}

static void
civil_from_days (gint64        z,
                 lxw_datetime *dt)
{
  gint64 era;
  guint doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = (guint) (z - era * 146097);
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  dt->day = (int) (doy - (153 * mp + 2) / 5 + 1);
  dt->month = (int) (mp < 10 ? mp + 3 : mp - 9);
  dt->year = (int) ((gint64) yoe + era * 400 + (dt->month <= 2));
}

/* An ISO 8601 timestamp as a date and time in local time (Excel has no time
 * zones; people read their own clock). The workbench writes
 * "YYYY-MM-DDTHH:MM:SS[.ffffff]Z", read here without allocating (a case may
 * hold 100,000 of them); anything else goes through GDateTime. */
gboolean
_awb_xlsx_timestamp_parse (AwbXlsxContext *ctx,
                           const char     *timestamp,
                           lxw_datetime   *dt)
{
  int h, mi, sec;
  gint64 t, days;
  gint interval;

  /* the zones are looked up once: GLib reads /etc/localtime on every lookup */
  if (ctx->utc == NULL)
    {
      ctx->utc = g_time_zone_new_utc ();
      ctx->local = g_time_zone_new_local ();
    }

  memset (dt, 0, sizeof *dt);
  if (_awb_xlsx_date_parse (timestamp, dt) && timestamp[10] == 'T' && timestamp[13] == ':' &&
      timestamp[16] == ':' && parse_digits (timestamp + 11, 2, &h) &&
      parse_digits (timestamp + 14, 2, &mi) && parse_digits (timestamp + 17, 2, &sec) &&
      h < 24 && mi < 60 && sec < 60 && strchr (timestamp + 19, 'Z') != NULL &&
      strpbrk (timestamp + 19, "+-") == NULL)
    {
      t = days_from_civil (dt->year, (guint) dt->month, (guint) dt->day) * 86400 +
          h * 3600 + mi * 60 + sec;
      interval = g_time_zone_find_interval (ctx->local, G_TIME_TYPE_UNIVERSAL, t);
      if (interval >= 0)
        t += g_time_zone_get_offset (ctx->local, interval);
      days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
      civil_from_days (days, dt);
      t -= days * 86400;
      dt->hour = (int) (t / 3600);
      dt->min = (int) (t / 60 % 60);
      dt->sec = (double) (t % 60);
      return TRUE;
    }
  else
    {
      g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (timestamp, ctx->utc);
      g_autoptr(GDateTime) local = NULL;

      if (parsed == NULL)
        return FALSE;
      local = g_date_time_to_timezone (parsed, ctx->local);
      dt->year = g_date_time_get_year (local);
      dt->month = g_date_time_get_month (local);
      dt->day = g_date_time_get_day_of_month (local);
      dt->hour = g_date_time_get_hour (local);
      dt->min = g_date_time_get_minute (local);
      dt->sec = (double) g_date_time_get_second (local);
      return TRUE;
    }
}

void
_awb_xlsx_timestamp (AwbXlsxContext *ctx,
                     lxw_worksheet  *ws,
                     lxw_row_t       row,
                     lxw_col_t       col,
                     const char     *timestamp,
                     lxw_format     *format)
{
  lxw_datetime dt;

  if (timestamp == NULL || *timestamp == '\0')
    return;
  if (_awb_xlsx_timestamp_parse (ctx, timestamp, &dt))
    _awb_xlsx_datetime (ctx, ws, row, col, &dt, format);
  else
    _awb_xlsx_text (ctx, ws, row, col, timestamp, format);
}

void
_awb_xlsx_datetime (AwbXlsxContext *ctx,
                    lxw_worksheet  *ws,
                    lxw_row_t       row,
                    lxw_col_t       col,
                    lxw_datetime   *datetime,
                    lxw_format     *format)
{
  enter_row (ctx, ws, row);
  _awb_xlsx_check (ctx, worksheet_write_datetime (ws, row, col, datetime, format), ws->name);
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
  if (g_strcmp0 (status, "open") == 0)
    return _("Open");
  if (g_strcmp0 (status, "rectified") == 0)
    return _("Rectified");
  if (g_strcmp0 (status, "verified") == 0)
    return _("Verified");
  return status;
}

void
_awb_xlsx_string_free (gpointer string)
{
  g_string_free (string, TRUE);
}

const char *
_awb_xlsx_stage_label (const char *stage)
{
  if (g_strcmp0 (stage, "acceptance") == 0)
    return _("Acceptance");
  if (g_strcmp0 (stage, "initiation") == 0)
    return _("Initiation");
  if (g_strcmp0 (stage, "evaluation") == 0)
    return _("Evaluation");
  if (g_strcmp0 (stage, "certification") == 0)
    return _("Certification");
  if (g_strcmp0 (stage, "closed") == 0)
    return _("Closed");
  return stage;
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
  static const struct { const char *kind; const char *label; } kinds[] = {
    { "received", N_("Application received") },
    { "review-sent", N_("Acceptance review e-mailed") },
    { "supplement-received", N_("Supplement received") },
    { "agreement", N_("Agreement in force") },
    { "paid", N_("Fee paid") },
    { "evaluation-start", N_("Evaluation started") },
    { "evaluation-end", N_("Evaluation ended") },
    { "panel", N_("Expert panel") },
    { "certificate-issued", N_("Certificate issued") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i].kind) == 0)
      return _(kinds[i].label);
  return kind;
}

const char *
_awb_xlsx_panel_label (const char *conclusion)
{
  if (conclusion == NULL || g_str_equal (conclusion, "pending"))
    return _("Pending");
  if (g_str_equal (conclusion, "pass"))
    return _("Pass");
  if (g_str_equal (conclusion, "fail"))
    return _("Fail");
  return conclusion;
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
