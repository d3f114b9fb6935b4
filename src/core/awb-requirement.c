/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-requirement"

#include "config.h"

#include "awb-locale.h"
#include "awb-requirement-private.h"

/* One requirement of a catalogue (for example 3.2.3-5, "at least 4 full-time
 * registered information security professionals"). Immutable once loaded. */

G_DEFINE_FINAL_TYPE (AwbRequirement, awb_requirement, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SECTION,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
awb_requirement_finalize (GObject *object)
{
  AwbRequirement *self = (AwbRequirement *) object;

  g_free (self->id);
  g_free (self->section);
  g_free (self->text_zh);
  g_free (self->text_en);
  g_free (self->note_zh);
  g_free (self->note_en);
  g_free (self->sse_cmm);
  g_free (self->check);
  for (guint i = 0; i < AWB_N_METHODS; i++)
    {
      g_clear_pointer (&self->hints_zh[i], g_ptr_array_unref);
      g_clear_pointer (&self->hints_en[i], g_ptr_array_unref);
    }

  G_OBJECT_CLASS (awb_requirement_parent_class)->finalize (object);
}

static void
awb_requirement_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AwbRequirement *self = AWB_REQUIREMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;
    case PROP_TEXT:
      g_value_set_string (value, awb_requirement_get_text (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awb_requirement_class_init (AwbRequirementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = awb_requirement_finalize;
  object_class->get_property = awb_requirement_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awb_requirement_init (AwbRequirement *self)
{
  for (guint i = 0; i < AWB_N_METHODS; i++)
    {
      self->hints_zh[i] = g_ptr_array_new_with_free_func (g_free);
      self->hints_en[i] = g_ptr_array_new_with_free_func (g_free);
    }
}

AwbRequirement *
_awb_requirement_new (void)
{
  return g_object_new (AWB_TYPE_REQUIREMENT, NULL);
}

const char *
awb_requirement_get_id (AwbRequirement *self)
{
  g_return_val_if_fail (AWB_IS_REQUIREMENT (self), NULL);
  return self->id;
}

const char *
awb_requirement_get_section (AwbRequirement *self)
{
  g_return_val_if_fail (AWB_IS_REQUIREMENT (self), NULL);
  return self->section;
}

const char *
awb_requirement_get_text_zh (AwbRequirement *self)
{
  g_return_val_if_fail (AWB_IS_REQUIREMENT (self), NULL);
  return self->text_zh;
}

const char *
awb_requirement_get_text_en (AwbRequirement *self)
{
  g_return_val_if_fail (AWB_IS_REQUIREMENT (self), NULL);
  return self->text_en;
}

/* The text in the UI language. */
const char *
awb_requirement_get_text (AwbRequirement *self)
{
  g_return_val_if_fail (AWB_IS_REQUIREMENT (self), NULL);
  return awb_locale_pick (self->text_zh, self->text_en);
}

AwbRequirementKind
awb_requirement_get_kind (AwbRequirement *self)
{
  g_return_val_if_fail (AWB_IS_REQUIREMENT (self), AWB_REQUIREMENT_BASIC);
  return self->kind;
}

gboolean
awb_requirement_get_na_allowed (AwbRequirement *self)
{
  g_return_val_if_fail (AWB_IS_REQUIREMENT (self), FALSE);
  return self->na_allowed;
}

/* A mask of AWB_METHOD_BIT()s: the methods that must each have supporting evidence. */
guint
awb_requirement_get_methods (AwbRequirement *self)
{
  g_return_val_if_fail (AWB_IS_REQUIREMENT (self), 0);
  return self->methods;
}

guint
awb_requirement_get_min_methods (AwbRequirement *self)
{
  g_return_val_if_fail (AWB_IS_REQUIREMENT (self), 0);
  return self->min_methods;
}

const char *
awb_requirement_get_sse_cmm (AwbRequirement *self)
{
  g_return_val_if_fail (AWB_IS_REQUIREMENT (self), NULL);
  return self->sse_cmm;
}

/* The quantitative check ("certified-staff", "failed-acceptance") or NULL. */
const char *
awb_requirement_get_check (AwbRequirement *self)
{
  g_return_val_if_fail (AWB_IS_REQUIREMENT (self), NULL);
  return self->check;
}

const char *
awb_requirement_get_note (AwbRequirement *self)
{
  g_return_val_if_fail (AWB_IS_REQUIREMENT (self), NULL);
  if (self->note_zh == NULL && self->note_en == NULL)
    return NULL;
  return awb_locale_pick (self->note_zh, self->note_en);
}

/* Typical evidence for a method; an array of strings owned by the requirement. */
GPtrArray *
awb_requirement_get_hints (AwbRequirement *self,
                           AwbMethod       method,
                           gboolean        chinese)
{
  g_return_val_if_fail (AWB_IS_REQUIREMENT (self), NULL);
  g_return_val_if_fail (method < AWB_N_METHODS, NULL);
  return chinese ? self->hints_zh[method] : self->hints_en[method];
}
