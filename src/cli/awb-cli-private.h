/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

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

extern const AwbCliCommand awb_cli_catalogue_commands[];

G_END_DECLS
