/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-section"

#include "config.h"

#include "awb-locale.h"
#include "awb-requirement.h"
#include "awb-section-private.h"

/* A section of the catalogue (3.1, 3.2, 3.2.1 …). Leaf sections hold the requirements;
 * the others only group (3.2 groups 3.2.1–3.2.6). */

G_DEFINE_FINAL_TYPE (AwbSection, awb_section, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
awb_section_finalize (GObject *object)
{
  AwbSection *self = (AwbSection *) object;

  g_free (self->id);
  g_free (self->parent_id);
  g_free (self->title_zh);
  g_free (self->title_en);
  g_free (self->note_zh);
  g_free (self->note_en);
  g_clear_object (&self->requirements);

  G_OBJECT_CLASS (awb_section_parent_class)->finalize (object);
}

static void
awb_section_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AwbSection *self = AWB_SECTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, awb_section_get_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awb_section_class_init (AwbSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = awb_section_finalize;
  object_class->get_property = awb_section_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awb_section_init (AwbSection *self)
{
  self->requirements = g_list_store_new (AWB_TYPE_REQUIREMENT);
}

AwbSection *
_awb_section_new (void)
{
  return g_object_new (AWB_TYPE_SECTION, NULL);
}

const char *
awb_section_get_id (AwbSection *self)
{
  g_return_val_if_fail (AWB_IS_SECTION (self), NULL);
  return self->id;
}

const char *
awb_section_get_parent_id (AwbSection *self)
{
  g_return_val_if_fail (AWB_IS_SECTION (self), NULL);
  return self->parent_id;
}

const char *
awb_section_get_title (AwbSection *self)
{
  g_return_val_if_fail (AWB_IS_SECTION (self), NULL);
  return awb_locale_pick (self->title_zh, self->title_en);
}

const char *
awb_section_get_title_zh (AwbSection *self)
{
  g_return_val_if_fail (AWB_IS_SECTION (self), NULL);
  return self->title_zh;
}

const char *
awb_section_get_title_en (AwbSection *self)
{
  g_return_val_if_fail (AWB_IS_SECTION (self), NULL);
  return self->title_en;
}

const char *
awb_section_get_note (AwbSection *self)
{
  g_return_val_if_fail (AWB_IS_SECTION (self), NULL);
  if (self->note_zh == NULL && self->note_en == NULL)
    return NULL;
  return awb_locale_pick (self->note_zh, self->note_en);
}

/* A leaf section holds requirements; a grouping one (3.2) has child sections. */
gboolean
awb_section_is_leaf (AwbSection *self)
{
  g_return_val_if_fail (AWB_IS_SECTION (self), FALSE);
  return !self->has_children;
}

/* The section's requirements in catalogue order, a model of AwbRequirement. */
GListModel *
awb_section_get_requirements (AwbSection *self)
{
  g_return_val_if_fail (AWB_IS_SECTION (self), NULL);
  return G_LIST_MODEL (self->requirements);
}
