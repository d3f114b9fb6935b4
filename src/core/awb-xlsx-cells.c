/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-xlsx"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "awb-xlsx-private.h"


/* Cell writers that make any text safe for a cell — valid UTF-8, never a
 * formula, at most 32,767 characters (longer text is cut with a visible
 * marker saying where the full text is) — dates and timestamps as real Excel
 * dates, and rows as tall as their wrapped text. */

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
  /* larger type needs a taller row, CJK glyphs most of all */
  if (format == ctx->f.title)
    ctx->row_points = MAX (ctx->row_points, 22);
  else if (format == ctx->f.heading)
    ctx->row_points = MAX (ctx->row_points, 19);
  if (text != NULL && col < ctx->n_widths && format_wraps (ctx, format))
    ctx->row_lines = MAX (ctx->row_lines, estimate_lines (text, strlen (text), ctx->widths[col]));
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
