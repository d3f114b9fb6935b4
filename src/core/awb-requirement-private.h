/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "awb-requirement.h"

G_BEGIN_DECLS

/* The loader fills a requirement in place; nothing else writes to one. */
struct _AwbRequirement
{
  GObject             parent_instance;

  char               *id;
  char               *section;
  char               *text_zh;
  char               *text_en;
  char               *note_zh;
  char               *note_en;
  AwbRequirementKind  kind;
  gboolean            na_allowed;
  guint               methods;
  guint               min_methods;
  char               *sse_cmm;
  char               *check;
  GPtrArray          *hints_zh[AWB_N_METHODS];
  GPtrArray          *hints_en[AWB_N_METHODS];
};

AwbRequirement *_awb_requirement_new (void);

G_END_DECLS
