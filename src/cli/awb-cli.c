/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "awb-error.h"
#include "awb-locale.h"
#include "awb-cli-private.h"

/* awb: the command line on the same core as the window. A table of commands,
 * one file per group; each command parses its own options. */

static const AwbCliCommand *groups[] = {
  awb_cli_catalogue_commands,
  awb_cli_case_commands,
  awb_cli_rating_commands,
  awb_cli_finding_commands,
  awb_cli_staff_commands,
  awb_cli_project_commands,
  awb_cli_history_commands,
  awb_cli_evidence_commands,
  awb_cli_verify_commands,
  awb_cli_judge_commands,
  awb_cli_panel_commands,
  awb_cli_export_commands,
  awb_cli_package_commands,
};

/* Writes text with every control character but newline and tab shown as a
 * visible picture (ESC → ␛, U+0080…U+009F → �), so that no escape sequence
 * held in a record (an evidence title, a name from a package) reaches the
 * terminal raw. JSON output is escaped by json-glib already. */
void
awb_cli_write (FILE       *out,
               const char *text,
               gsize       len)
{
  gsize start = 0;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) text[i];
      gboolean c1 = c == 0xc2 && i + 1 < len && (guchar) text[i + 1] >= 0x80 &&
                    (guchar) text[i + 1] <= 0x9f;

      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || c1)
        {
          char picture[4];

          fwrite (text + start, 1, i - start, out);
          if (c1)
            {
              fputs ("\xef\xbf\xbd", out);  /* U+FFFD */
              i++;
            }
          else
            {
              /* U+2400 + c, U+2421 for DEL */
              gunichar pic = c == 0x7f ? 0x2421 : 0x2400 + c;
              int n = g_unichar_to_utf8 (pic, picture);
              fwrite (picture, 1, (gsize) n, out);
            }
          start = i + 1;
        }
    }
  fwrite (text + start, 1, len - start, out);
}

static void
print_stdout (const char *text)
{
  awb_cli_write (stdout, text, strlen (text));
  fflush (stdout);
}

static void
print_stderr (const char *text)
{
  awb_cli_write (stderr, text, strlen (text));
  fflush (stderr);
}

AwbDatabase *
awb_cli_database (AwbCli  *cli,
                  GError **error)
{
  if (cli->db == NULL)
    cli->db = awb_database_open (cli->db_path, error);
  return cli->db;
}

/* Prints a refusal (message to stderr) and returns exit status 2. */
int
awb_cli_refuse (GError *error)
{
  g_printerr ("awb: %s\n", error->message);
  return AWB_EXIT_REFUSED;
}

int
awb_cli_refuse_printf (const char *format,
                       ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("awb: %s\n", msg);
  return AWB_EXIT_REFUSED;
}

void
awb_cli_json_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

char *
awb_cli_read_text_file (const char  *path,
                        GError     **error)
{
  g_autoptr(GError) read_error = NULL;
  g_autofree char *text = NULL;
  gboolean from_stdin = g_strcmp0 (path, "-") == 0;
  const char *name = from_stdin ? _("Standard input") : path;
  gsize length = 0;

  /* GLib reads a pipe or a terminal to its end as well as a file */
  if (!g_file_get_contents (from_stdin ? "/dev/stdin" : path, &text, &length, &read_error))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO, _("%s cannot be read: %s"), name,
                   read_error->message);
      return NULL;
    }
  if (memchr (text, '\0', length) != NULL || !g_utf8_validate (text, (gssize) length, NULL))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("%s is not UTF-8 text; nothing was written"), name);
      return NULL;
    }
  return g_steal_pointer (&text);
}

char *
awb_cli_short_id (const char *id)
{
  return id != NULL ? g_strndup (id, 8) : g_strdup ("");
}

int
awb_cli_usage (const char *command,
               const char *format,
               ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("awb %s: %s\n", command, msg);
  g_printerr (_("Try “awb %s --help”.\n"), command);
  return AWB_EXIT_USAGE;
}

/* Parses a command's options; on FALSE, *status holds the exit status
 * (0 after --help, 1 for a bad command line). argv keeps the positional
 * arguments after argv[0]. */
gboolean
awb_cli_parse (const char   *command,
               const char   *params,
               GOptionEntry *entries,
               int          *argc,
               char       ***argv,
               int           min_args,
               int           max_args,
               int          *status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (params);
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("awb %s", command);
  int n;

  g_set_prgname (prgname);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, TRUE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = awb_cli_usage (command, "%s", error->message);
      return FALSE;
    }

  /* a lone "--" left by GOption is not an argument */
  n = *argc - 1;
  if (n < min_args)
    {
      *status = awb_cli_usage (command, _("missing argument: %s"), params);
      return FALSE;
    }
  if (max_args >= 0 && n > max_args)
    {
      *status = awb_cli_usage (command, _("unexpected argument “%s”"), (*argv)[1 + max_args]);
      return FALSE;
    }
  return TRUE;
}

int
awb_cli_remove (AwbCli          *cli,
                int              argc,
                char           **argv,
                const char      *argument,
                AwbCliRemoveFunc remove_record)
{
  g_autoptr(GError) error = NULL;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], argument, NULL, &argc, &argv, 1, 1, &status))
    return status;

  db = awb_cli_database (cli, &error);
  if (db == NULL || !remove_record (db, argv[1], NULL, &error))
    return awb_cli_refuse (error);
  return 0;
}

void
awb_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  json_generator_set_root (gen, node);
  text = json_generator_to_data (gen, NULL);

  /* json-glib escapes C0 controls; DEL and the C1 controls (U+0080…U+009F)
   * are escaped here (they can only stand inside a string), so that the
   * output stays exact JSON and never drives a terminal */
  {
    g_autoptr(GString) out = g_string_sized_new (strlen (text) + 2);

    for (const char *p = text; *p != '\0'; p++)
      {
        guchar c = (guchar) *p;

        if (c == 0x7f)
          g_string_append (out, "\\u007f");
        else if (c == 0xc2 && (guchar) p[1] >= 0x80 && (guchar) p[1] <= 0x9f)
          {
            g_string_append_printf (out, "\\u%04x", (guint) (guchar) p[1]);
            p++;
          }
        else
          g_string_append_c (out, (char) c);
      }
    g_string_append_c (out, '\n');
    fwrite (out->str, 1, out->len, stdout);
    fflush (stdout);
  }
}

static void
print_help (FILE *out)
{
  fprintf (out, "%s", _("Usage: awb [--db FILE] COMMAND [ARGS…]\n\n"
                        "Assessor Workbench on the command line.\n\nCommands:\n"));
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (const AwbCliCommand *c = groups[g]; c->group != NULL; c++)
      {
        g_autofree char *name = c->name != NULL ? g_strdup_printf ("%s %s", c->group, c->name)
                                                : g_strdup (c->group);
        fprintf (out, "  %-18s %s\n", name, _(c->summary));
        fprintf (out, "  %-18s   %s %s\n", "", name, c->params);
      }
  fprintf (out, "%s", _("\nOptions:\n"
                        "  --db FILE          the database (default: "
                        "$XDG_DATA_HOME/assessor-workbench/workbench.db)\n"
                        "  --json             on reading commands: machine-readable output\n\n"
                        "Exit status: 0 done; 1 the command line was not understood; "
                        "2 refused (nothing was written).\n"));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *db_path = NULL;
  AwbCli cli = { 0 };
  int i = 1;
  int status;

  awb_locale_init ();
  g_set_print_handler (print_stdout);
  g_set_printerr_handler (print_stderr);

  /* global options before the command */
  while (i < argc && g_str_has_prefix (argv[i], "--"))
    {
      if (g_str_equal (argv[i], "--db") && i + 1 < argc)
        {
          g_free (db_path);
          db_path = g_strdup (argv[i + 1]);
          i += 2;
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        {
          g_free (db_path);
          db_path = g_strdup (argv[i] + strlen ("--db="));
          i++;
        }
      else if (g_str_equal (argv[i], "--help"))
        {
          print_help (stdout);
          return 0;
        }
      else if (g_str_equal (argv[i], "--version"))
        {
          g_print ("awb %s\n", PACKAGE_VERSION);
          return 0;
        }
      else
        {
          g_printerr (_("awb: unknown option “%s”\n"), argv[i]);
          print_help (stderr);
          return AWB_EXIT_USAGE;
        }
    }

  if (i >= argc)
    {
      print_help (stderr);
      return AWB_EXIT_USAGE;
    }

  cli.db_path = db_path != NULL ? g_strdup (db_path) : awb_database_default_path ();

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (const AwbCliCommand *c = groups[g]; c->group != NULL; c++)
      {
        int sub_argc;
        char **sub_argv;
        g_autofree char *name = NULL;

        if (!g_str_equal (c->group, argv[i]))
          continue;
        if (c->name != NULL && (i + 1 >= argc || !g_str_equal (c->name, argv[i + 1])))
          continue;

        name = c->name != NULL ? g_strdup_printf ("%s %s", c->group, c->name) : g_strdup (c->group);
        sub_argc = argc - i - (c->name != NULL ? 1 : 0);
        sub_argv = g_new0 (char *, sub_argc + 1);
        sub_argv[0] = name;
        for (int k = 1; k < sub_argc; k++)
          sub_argv[k] = argv[argc - sub_argc + k];

        status = c->handler (&cli, sub_argc, sub_argv);

        g_free (sub_argv);
        g_clear_object (&cli.db);
        g_free (cli.db_path);
        return status;
      }

  g_printerr (_("awb: unknown command “%s%s%s”\n"), argv[i], i + 1 < argc ? " " : "",
              i + 1 < argc ? argv[i + 1] : "");
  print_help (stderr);
  g_free (cli.db_path);
  return AWB_EXIT_USAGE;
}
