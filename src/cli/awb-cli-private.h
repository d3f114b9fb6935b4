/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>
#include <glib.h>
#include <json-glib/json-glib.h>

#include "awb-database.h"

G_BEGIN_DECLS

/* Exit statuses: 1 for a command line we could not understand, 2 for every
 * refusal of the data or by a rule (and then nothing was written). */
#define AWB_EXIT_USAGE   1
#define AWB_EXIT_REFUSED 2

typedef struct
{
  char        *db_path;
  AwbDatabase *db;
} AwbCli;

typedef int (*AwbCliHandler) (AwbCli *cli,
                              int     argc,
                              char  **argv);

typedef struct
{
  const char    *group;    /* "case" */
  const char    *name;     /* "new", or NULL for a command that is only a group ("rate") */
  AwbCliHandler  handler;
  const char    *params;   /* "CASE STAGE [--on DATE]" */
  const char    *summary;
} AwbCliCommand;

AwbDatabase *awb_cli_database    (AwbCli       *cli,
                                  GError      **error);
int          awb_cli_refuse      (GError       *error);
int          awb_cli_usage       (const char   *command,
                                  const char   *format,
                                  ...) G_GNUC_PRINTF (2, 3);
gboolean     awb_cli_parse       (const char   *command,
                                  const char   *params,
                                  GOptionEntry *entries,
                                  int          *argc,
                                  char       ***argv,
                                  int           min_args,
                                  int           max_args,
                                  int          *status);
void         awb_cli_print_json  (JsonNode     *node);
/* Writes len bytes of text to out with control characters (but newline and
 * tab) shown as pictures; g_print and g_printerr go through it too. */
void         awb_cli_write       (FILE         *out,
                                  const char   *text,
                                  gsize         len);
/* Refuses (exit 2) with a message of the command line's own, before anything is opened. */
int          awb_cli_refuse_printf (const char *format,
                                    ...) G_GNUC_PRINTF (1, 2);
/* Adds member name with a string value, or null when value is NULL. */
void         awb_cli_json_string (JsonBuilder  *builder,
                                  const char   *name,
                                  const char   *value);
/* The whole of a UTF-8 text file, or of standard input for "-": for the
 * options that take long text (one argument carries at most 128 KiB). */
char        *awb_cli_read_text_file (const char  *path,
                                     GError     **error);
/* The first 8 characters of an id, for people (JSON always has it in full). */
char        *awb_cli_short_id    (const char   *id);

/* A core action removing one record named by its id or a prefix of it. */
typedef gboolean (*AwbCliRemoveFunc) (AwbDatabase *db,
                                      const char  *id_or_prefix,
                                      const char  *actor,
                                      GError     **error);
/* The whole of a "GROUP remove ID" command (or "evidence detach ATTACHMENT"):
 * parses the one argument (named so in messages), calls remove_record, exits 0
 * or refuses (2). */
int          awb_cli_remove      (AwbCli          *cli,
                                  int              argc,
                                  char           **argv,
                                  const char      *argument,
                                  AwbCliRemoveFunc remove_record);

extern const AwbCliCommand awb_cli_catalogue_commands[];
extern const AwbCliCommand awb_cli_case_commands[];
extern const AwbCliCommand awb_cli_rating_commands[];
extern const AwbCliCommand awb_cli_finding_commands[];
extern const AwbCliCommand awb_cli_staff_commands[];
extern const AwbCliCommand awb_cli_project_commands[];
extern const AwbCliCommand awb_cli_history_commands[];
extern const AwbCliCommand awb_cli_evidence_commands[];
extern const AwbCliCommand awb_cli_verify_commands[];
extern const AwbCliCommand awb_cli_judge_commands[];
extern const AwbCliCommand awb_cli_panel_commands[];
extern const AwbCliCommand awb_cli_export_commands[];
extern const AwbCliCommand awb_cli_package_commands[];

/* awb export CASE --bundle TARGET (awb-cli-package.c, called by awb-cli-export.c) */
int          awb_cli_export_bundle (AwbCli     *cli,
                                    const char *case_id,
                                    const char *target,
                                    gboolean    force,
                                    gboolean    json);

G_END_DECLS
