/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "awb-database.h"
#include "awb-rules.h"

G_BEGIN_DECLS

/* The expert panel (专家组): submission of the case by the project leader,
 * which locks it; the members, their reviews per section and overall, their
 * votes; the panel conclusion by the catalogue's rule; reopening. See
 * docs/rules.md, "The expert panel". */

typedef enum
{
  AWB_PANEL_ROLE_MEMBER,
  AWB_PANEL_ROLE_CHAIR,
} AwbPanelRole;

typedef enum
{
  AWB_VOTE_NONE,   /* not voted yet */
  AWB_VOTE_PASS,
  AWB_VOTE_FAIL,
} AwbVote;

typedef enum
{
  AWB_PANEL_PENDING,
  AWB_PANEL_PASS,
  AWB_PANEL_FAIL,
} AwbPanelConclusion;

typedef struct
{
  char         *id;
  char         *name;
  char         *affiliation;
  AwbPanelRole  role;
  AwbVote       vote;
  char         *vote_comment;  /* "" when none */
  char         *voted_at;      /* NULL when not voted */
} AwbPanelMember;

typedef struct
{
  char     *id;
  char     *member_id;
  char     *member;        /* the member's name */
  char     *scope;         /* a section id, or "overall" */
  gboolean  sufficient;    /* evidence sufficient (证据的充分性) */
  gboolean  reasonable;    /* conclusion reasonable (审核结论的合理性) */
  char     *comment;
  char     *at;
} AwbPanelReview;

typedef struct
{
  char               *case_id;
  char               *submitted_at;     /* NULL when the case is not with the panel */
  char               *team_conclusion;  /* the frozen project-team judgement (JSON text) */
  char               *statement;        /* the frozen conclusion statement */
  AwbPanelConclusion  conclusion;       /* the recorded one, else what the votes give now */
  gboolean            recorded;         /* the conclusion has been recorded */
  char               *concluded_at;
  guint               n_pass;
  guint               n_fail;
  GPtrArray          *members;          /* AwbPanelMember*: the chair first, then by name */
  GPtrArray          *reviews;          /* AwbPanelReview*: by member, then scope */
  GPtrArray          *dissent;          /* AwbPanelMember* (borrowed from members) who voted
                                         * against the conclusion; empty while pending */
} AwbPanel;

const char        *awb_panel_role_to_string       (AwbPanelRole        role);
const char        *awb_vote_to_string             (AwbVote             vote);
gboolean           awb_vote_from_string           (const char         *text,
                                                   AwbVote            *out);
const char        *awb_panel_conclusion_to_string (AwbPanelConclusion  conclusion);
const char        *awb_panel_conclusion_label     (AwbPanelConclusion  conclusion);

/* The panel rule alone: pending until the quorum has voted, then a majority
 * of pass votes passes; a tie goes the way rules->panel_tie says. */
AwbPanelConclusion awb_panel_decide               (const AwbRules     *rules,
                                                   guint               n_members,
                                                   guint               n_pass,
                                                   guint               n_fail);

/* The project leader sends the case to the panel: refused while the audit
 * conclusion is incomplete. Freezes the team's judgement and statement and
 * locks the case. */
gboolean           awb_panel_submit               (AwbDatabase        *db,
                                                   const char         *case_id,
                                                   const char         *actor,
                                                   GError            **error);
/* Takes the case back from the panel: reason required; clears the lock, the
 * frozen team conclusion and the panel conclusion. */
gboolean           awb_panel_reopen               (AwbDatabase        *db,
                                                   const char         *case_id,
                                                   const char         *reason,
                                                   const char         *actor,
                                                   GError            **error);
/* Returns the new member's id. */
char              *awb_panel_add_member           (AwbDatabase        *db,
                                                   const char         *case_id,
                                                   const char         *name,
                                                   const char         *affiliation,
                                                   AwbPanelRole        role,
                                                   const char         *actor,
                                                   GError            **error);
/* member: a name or an id (prefix); section_id NULL for the overall review.
 * A second review of the same scope by the same member replaces the first.
 * Returns the review's id. */
char              *awb_panel_review               (AwbDatabase        *db,
                                                   const char         *case_id,
                                                   const char         *member,
                                                   const char         *section_id,
                                                   gboolean            sufficient,
                                                   gboolean            reasonable,
                                                   const char         *comment,
                                                   const char         *actor,
                                                   GError            **error);
/* A member may change their vote until the panel conclusion is recorded.
 * Returns the vote's id. */
char              *awb_panel_vote                 (AwbDatabase        *db,
                                                   const char         *case_id,
                                                   const char         *member,
                                                   AwbVote             vote,
                                                   const char         *comment,
                                                   const char         *actor,
                                                   GError            **error);
/* The actions above take the actor for the history; NULL means
 * awb_history_default_actor (). */

/* The panel as it stands, nothing written. */
AwbPanel          *awb_panel_get                  (AwbDatabase        *db,
                                                   const char         *case_id,
                                                   GError            **error);
/* As awb_panel_get, and records the conclusion once it is not pending. */
AwbPanel          *awb_panel_conclude             (AwbDatabase        *db,
                                                   const char         *case_id,
                                                   const char         *actor,
                                                   GError            **error);
void               awb_panel_free                 (AwbPanel           *panel);
JsonNode          *awb_panel_to_json              (AwbPanel           *panel);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwbPanel, awb_panel_free)

G_END_DECLS
