/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "awb-section.h"

G_BEGIN_DECLS

struct _AwbSection
{
  GObject     parent_instance;

  char       *id;
  char       *parent_id;
  char       *title_zh;
  char       *title_en;
  char       *note_zh;
  char       *note_en;
  gboolean    has_children;
  GListStore *requirements;
};

AwbSection *_awb_section_new (void);

G_END_DECLS
