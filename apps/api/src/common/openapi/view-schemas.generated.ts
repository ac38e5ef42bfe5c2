// Generated from the view types of the libraries (ServerViews) by generate-view-schemas.ts: do not edit.
// Regenerate with `npm run openapi:views`; view-schemas.spec.ts fails while this file is stale.
import type { JsonSchema } from './json-schema';

export const VIEW_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  "ArticleNumberView": {
    "type": "object",
    "properties": {
      "provisionId": {
        "type": "string"
      },
      "number": {
        "type": "string"
      },
      "label": {
        "type": "string"
      },
      "frozen": {
        "type": "boolean",
        "description": "Whether the number is stored (frozen), or derived (an article inserted since the last numbering)."
      }
    },
    "required": [
      "provisionId",
      "number",
      "label",
      "frozen"
    ],
    "description": "An article's number: frozen (`\"7.1\"`) and as printed in the asked language."
  },
  "ArticleNumbersView": {
    "type": "object",
    "properties": {
      "language": {
        "$ref": "#/components/schemas/Language"
      },
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/ArticleNumberView"
        }
      }
    },
    "required": [
      "language",
      "items"
    ],
    "description": "The article numbers of a consolidated draft in one language."
  },
  "AuditEntryView": {
    "type": "object",
    "properties": {
      "seq": {
        "type": "number"
      },
      "at": {
        "type": "string"
      },
      "actorId": {
        "type": [
          "string",
          "null"
        ]
      },
      "action": {
        "type": "string"
      },
      "entityType": {
        "type": "string"
      },
      "entityId": {
        "type": "string"
      },
      "before": {},
      "after": {},
      "hash": {
        "type": "string"
      },
      "redacted": {
        "type": "boolean",
        "const": true,
        "description": "True on a row about another delegation's delegation-tier record: everything but the time is withheld."
      }
    },
    "required": [
      "seq",
      "at",
      "actorId",
      "action",
      "entityType",
      "entityId",
      "before",
      "after",
      "hash"
    ],
    "description": "An audit row as a client sees it: in full, or redacted to the fact that a delegation-tier action happened."
  },
  "AuditVerdictView": {
    "anyOf": [
      {
        "type": "object",
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "rows": {
            "type": "number"
          },
          "lastHash": {
            "type": "string"
          }
        },
        "required": [
          "ok",
          "rows",
          "lastHash"
        ]
      },
      {
        "type": "object",
        "properties": {
          "ok": {
            "type": "boolean",
            "const": false
          },
          "rows": {
            "type": "number"
          },
          "seq": {
            "type": "number"
          },
          "reason": {
            "type": "string"
          }
        },
        "required": [
          "ok",
          "rows",
          "seq",
          "reason"
        ]
      }
    ],
    "description": "Where the audit chain first breaks, or that it holds."
  },
  "BlockChange": {
    "type": "string",
    "enum": [
      "added",
      "deleted",
      "changed",
      "unchanged"
    ],
    "description": "Whether a block of text exists in both documents, and if so whether its words differ."
  },
  "BlockComparison": {
    "type": "object",
    "properties": {
      "key": {
        "type": "string",
        "description": "Stable key: the owner's id and the block's role, e.g. `a7#heading`, `a7p2#0`, `title`."
      },
      "role": {
        "$ref": "#/components/schemas/BlockRole"
      },
      "ownerId": {
        "type": [
          "string",
          "null"
        ],
        "description": "Id of the structural node holding the text (article for its heading, paragraph, subparagraph, option, recital)."
      },
      "ownerKind": {
        "$ref": "#/components/schemas/TreatyNodeName"
      },
      "provisionId": {
        "type": [
          "string",
          "null"
        ],
        "description": "Id of the innermost chapter, article or paragraph around the block, if any."
      },
      "depth": {
        "type": "number",
        "description": "Nesting below the paragraph: 1 for a subparagraph (a), 2 for (i), one more inside an option."
      },
      "oldNumber": {
        "type": [
          "string",
          "null"
        ],
        "description": "The numbers printed before the text in the older document (\"2. Option 1:\"); `null` if it is absent there."
      },
      "newNumber": {
        "type": [
          "string",
          "null"
        ],
        "description": "The numbers printed before the text in the newer document; `null` if it is absent there."
      },
      "change": {
        "$ref": "#/components/schemas/BlockChange"
      },
      "parts": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/DiffPart"
        }
      }
    },
    "required": [
      "key",
      "role",
      "ownerId",
      "ownerKind",
      "provisionId",
      "depth",
      "oldNumber",
      "newNumber",
      "change",
      "parts"
    ],
    "description": "One text-bearing node compared word by word: the title, a recital, the heading of a chapter or article (present even when the article has no heading, so that its number has a line), or a text block of a paragraph, subparagraph or option, or the words of a footnote (numbered \"(1)\" in document order, after the text it stands in). Unagreed text reads in [square brackets], as in `docToText`."
  },
  "BlockRole": {
    "type": "string",
    "enum": [
      "title",
      "recital",
      "heading",
      "text",
      "footnote"
    ],
    "description": "`footnote`: the words of a footnote standing in the block before it, compared as a block of their own."
  },
  "ChangePlace": {
    "type": "object",
    "properties": {
      "kind": {
        "type": "string",
        "enum": [
          "in",
          "after",
          "heading",
          "new"
        ],
        "description": "`in` a paragraph or subparagraph, as new text `after` one, or a new provision or the article's heading (`place` empty)."
      },
      "place": {
        "type": "string"
      }
    },
    "required": [
      "kind",
      "place"
    ],
    "description": "Where a single change stands, numbered in the draft's language (\"2 (a)\")."
  },
  "CommentPeriodTarget": {
    "type": "string",
    "enum": [
      "revision",
      "compilation"
    ]
  },
  "CommentPeriodView": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "committeeId": {
        "type": "string"
      },
      "instrumentId": {
        "type": "string"
      },
      "targetKind": {
        "$ref": "#/components/schemas/CommentPeriodTarget"
      },
      "targetId": {
        "type": "string"
      },
      "targetLabel": {
        "type": "string",
        "description": "The symbol of the revision, or a label of the compilation."
      },
      "title": {
        "type": "string"
      },
      "tier": {
        "$ref": "#/components/schemas/Tier"
      },
      "deadline": {
        "type": "string"
      },
      "publication": {
        "$ref": "#/components/schemas/CommentPublication"
      },
      "allowObservers": {
        "type": "boolean"
      },
      "state": {
        "type": "string",
        "enum": [
          "open",
          "past-deadline",
          "closed"
        ],
        "description": "open until the deadline, then past-deadline (late submissions still accepted, flagged), closed once closed."
      },
      "closedAt": {
        "type": [
          "string",
          "null"
        ]
      },
      "publishedAt": {
        "type": [
          "string",
          "null"
        ]
      },
      "openedAt": {
        "type": "string"
      },
      "history": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "action": {
              "type": "string"
            },
            "at": {
              "type": "string"
            },
            "by": {
              "type": [
                "string",
                "null"
              ]
            },
            "deadline": {
              "type": [
                "string",
                "null"
              ]
            }
          },
          "required": [
            "action",
            "at",
            "by",
            "deadline"
          ]
        }
      }
    },
    "required": [
      "id",
      "committeeId",
      "instrumentId",
      "targetKind",
      "targetId",
      "targetLabel",
      "title",
      "tier",
      "deadline",
      "publication",
      "allowObservers",
      "state",
      "closedAt",
      "publishedAt",
      "openedAt",
      "history"
    ],
    "description": "A call for written comments."
  },
  "CommentPublication": {
    "type": "string",
    "enum": [
      "on-arrival",
      "at-close"
    ]
  },
  "CommentTargetKind": {
    "type": "string",
    "enum": [
      "document",
      "proposal",
      "revision"
    ],
    "description": "The kind of a comment's target."
  },
  "CommentView": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "threadId": {
        "type": "string"
      },
      "authorId": {
        "type": "string"
      },
      "authorName": {
        "type": [
          "string",
          "null"
        ]
      },
      "authorDelegationId": {
        "type": [
          "string",
          "null"
        ]
      },
      "body": {
        "type": "string"
      },
      "textWarnings": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "Bidirectional controls and invisible characters found in the body, one English line each, for the reader."
      },
      "createdAt": {
        "type": "string"
      },
      "editedAt": {
        "type": [
          "string",
          "null"
        ]
      }
    },
    "required": [
      "id",
      "threadId",
      "authorId",
      "authorName",
      "authorDelegationId",
      "body",
      "textWarnings",
      "createdAt",
      "editedAt"
    ],
    "description": "A comment. Its body is plain text, stored as written: clients render it as text, never as HTML."
  },
  "CommentsMatrixEntry": {
    "type": "object",
    "properties": {
      "remarkId": {
        "type": "string"
      },
      "commentId": {
        "type": "string"
      },
      "number": {
        "type": "string"
      },
      "provisionId": {
        "type": [
          "string",
          "null"
        ]
      },
      "provisionLabel": {
        "type": "string"
      },
      "delegationId": {
        "type": "string"
      },
      "commenter": {
        "type": "string"
      },
      "language": {
        "$ref": "#/components/schemas/Language"
      },
      "late": {
        "type": "boolean"
      },
      "comment": {
        "type": "string"
      },
      "proposedWording": {
        "type": [
          "string",
          "null"
        ]
      },
      "disposition": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/DispositionView"
          },
          {
            "type": "null"
          }
        ]
      },
      "dispositionHistory": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/DispositionView"
        }
      }
    },
    "required": [
      "remarkId",
      "commentId",
      "number",
      "provisionId",
      "provisionLabel",
      "delegationId",
      "commenter",
      "language",
      "late",
      "comment",
      "proposedWording",
      "disposition",
      "dispositionHistory"
    ],
    "description": "One row of the comments matrix as the API sends it to the web app."
  },
  "CommitteeView": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "name": {
        "type": "string"
      },
      "symbolPrefix": {
        "type": "string",
        "description": "The prefix of its document symbols, such as `A/AC.291`."
      },
      "description": {
        "type": "string"
      }
    },
    "required": [
      "id",
      "name",
      "symbolPrefix",
      "description"
    ],
    "description": "A committee."
  },
  "Comparison": {
    "type": "object",
    "properties": {
      "language": {
        "$ref": "#/components/schemas/Language"
      },
      "direction": {
        "type": "string",
        "enum": [
          "ltr",
          "rtl"
        ]
      },
      "concordance": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/ConcordanceRow"
        }
      },
      "blocks": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/BlockComparison"
        }
      },
      "identical": {
        "type": "boolean",
        "description": "Whether nothing differs: no provision added, deleted, moved, renumbered or changed, and no text changed."
      }
    },
    "required": [
      "language",
      "direction",
      "concordance",
      "blocks",
      "identical"
    ],
    "description": "The comparison of two documents in one language: the concordance table of provisions and the word diff of every block of text, both in reading order of the newer document, with what the older one alone had at the place it had it."
  },
  "CompileConflict": {
    "type": "object",
    "properties": {
      "proposalId": {
        "type": "string"
      },
      "reason": {
        "$ref": "#/components/schemas/ConflictReason"
      },
      "target": {
        "type": [
          "string",
          "null"
        ],
        "description": "The node (id, or slot such as `p1#text0`) where placing failed, when there is one."
      },
      "message": {
        "type": "string"
      }
    },
    "required": [
      "proposalId",
      "reason",
      "target",
      "message"
    ],
    "description": "A proposal the compilation could not place, and why; the proposal is then left out as a whole."
  },
  "CompileOutcome": {
    "type": "object",
    "properties": {
      "proposalId": {
        "type": "string"
      },
      "decision": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/ProposalDecision"
          },
          {
            "type": "null"
          }
        ]
      },
      "status": {
        "$ref": "#/components/schemas/OutcomeStatus"
      },
      "rebased": {
        "type": "boolean",
        "description": "Whether the proposal was made against another revision than the base, and was placed by id and context."
      },
      "targets": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "Ids of the nodes of the base where the proposal's changes stand, sorted."
      }
    },
    "required": [
      "proposalId",
      "decision",
      "status",
      "rebased",
      "targets"
    ],
    "description": "What became of one proposal."
  },
  "CompileReport": {
    "type": "object",
    "properties": {
      "document": {
        "type": "string"
      },
      "compiled": {
        "type": "number"
      },
      "outcomes": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/CompileOutcome"
        }
      },
      "conflicts": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/CompileConflict"
        }
      }
    },
    "required": [
      "document",
      "compiled",
      "outcomes",
      "conflicts"
    ],
    "description": "What a compilation did."
  },
  "ConcordanceLine": {
    "type": "object",
    "properties": {
      "provisionId": {
        "type": "string"
      },
      "from": {
        "type": "string"
      },
      "to": {
        "type": "string"
      },
      "fromLabel": {
        "type": "string"
      },
      "toLabel": {
        "type": "string"
      },
      "changed": {
        "type": "boolean"
      }
    },
    "required": [
      "provisionId",
      "from",
      "to",
      "fromLabel",
      "toLabel",
      "changed"
    ],
    "description": "A line of a concordance: an article's number before and after a renumbering, with both labels."
  },
  "ConcordanceRow": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "kind": {
        "$ref": "#/components/schemas/ProvisionKind"
      },
      "oldNumber": {
        "type": [
          "string",
          "null"
        ]
      },
      "newNumber": {
        "type": [
          "string",
          "null"
        ]
      },
      "oldParentNumber": {
        "type": [
          "string",
          "null"
        ],
        "description": "The number of the article holding a paragraph in the older document; `null` for chapters and articles."
      },
      "newParentNumber": {
        "type": [
          "string",
          "null"
        ],
        "description": "The number of the article holding a paragraph in the newer document; `null` for chapters and articles."
      },
      "oldStatus": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/ProvisionStatus"
          },
          {
            "type": "null"
          }
        ],
        "description": "Negotiation status of an article or paragraph in the older document; `null` for chapters or when absent."
      },
      "newStatus": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/ProvisionStatus"
          },
          {
            "type": "null"
          }
        ],
        "description": "Negotiation status of an article or paragraph in the newer document; `null` for chapters or when absent."
      },
      "added": {
        "type": "boolean",
        "description": "Only in the newer document."
      },
      "deleted": {
        "type": "boolean",
        "description": "Only in the older document."
      },
      "moved": {
        "type": "boolean",
        "description": "In both, but out of the order the two documents share: chapters and articles among all chapters or articles of the document (articles are numbered through the document), paragraphs within their article. A paragraph that changed article has moved. Provisions that only shift because others came or went have not."
      },
      "renumbered": {
        "type": "boolean",
        "description": "In both, with a different number."
      },
      "textChanged": {
        "type": "boolean",
        "description": "In both, with different words somewhere inside (headings and subparagraphs included)."
      },
      "statusChanged": {
        "type": "boolean",
        "description": "In both, with a different negotiation status."
      },
      "unchanged": {
        "type": "boolean",
        "description": "In both, and none of the above."
      }
    },
    "required": [
      "id",
      "kind",
      "oldNumber",
      "newNumber",
      "oldParentNumber",
      "newParentNumber",
      "oldStatus",
      "newStatus",
      "added",
      "deleted",
      "moved",
      "renumbered",
      "textChanged",
      "statusChanged",
      "unchanged"
    ],
    "description": "One provision in the concordance table, matched between the two documents by its stable id. Numbers are the labels `numberDocument` gives in the comparison's language (\"Article 7\", \"المادة ٧\", \"2.\", `''` for the lone paragraph of an article); `null` where the provision is absent."
  },
  "ConflictReason": {
    "type": "string",
    "enum": [
      "node-deleted",
      "context-changed",
      "id-in-use",
      "invalid-structure",
      "invalid-proposal"
    ],
    "description": "Why a proposal could not be placed in the current text."
  },
  "ConsultationItem": {
    "type": "object",
    "properties": {
      "provisionId": {
        "type": "string"
      },
      "label": {
        "type": "string"
      },
      "heading": {
        "type": "string"
      },
      "status": {
        "$ref": "#/components/schemas/ProvisionStatus"
      },
      "proposals": {
        "type": "number",
        "description": "Proposals received for it (submitted or decided)."
      },
      "comments": {
        "type": "number",
        "description": "Open comment threads anchored in it."
      }
    },
    "required": [
      "provisionId",
      "label",
      "heading",
      "status",
      "proposals",
      "comments"
    ],
    "description": "One article as the Chair follows it in informal consultations."
  },
  "DatabaseKind": {
    "type": "string",
    "enum": [
      "sqlite",
      "postgres"
    ],
    "description": "Which database the server uses."
  },
  "DecisionRecordedView": {
    "type": "object",
    "properties": {
      "proposalId": {
        "type": "string"
      },
      "document": {
        "type": "string"
      },
      "decision": {
        "$ref": "#/components/schemas/ProposalDecision"
      },
      "provision": {
        "type": [
          "string",
          "null"
        ],
        "description": "The provision it is limited to, if any."
      },
      "change": {
        "type": [
          "string",
          "null"
        ],
        "description": "The single change it is limited to, if any."
      }
    },
    "required": [
      "proposalId",
      "document",
      "decision",
      "provision",
      "change"
    ],
    "description": "A decision as recorded for the next compilation."
  },
  "DelegationKind": {
    "type": "string",
    "enum": [
      "member-state",
      "group",
      "observer-organization",
      "secretariat"
    ],
    "description": "The kind of a delegation."
  },
  "DelegationMembership": {
    "type": "string",
    "enum": [
      "confirmed",
      "pending"
    ],
    "description": "How a user came to act for a delegation: `pending` until its head confirms a member someone else added."
  },
  "DelegationView": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "committeeId": {
        "type": "string"
      },
      "code": {
        "type": "string"
      },
      "kind": {
        "$ref": "#/components/schemas/DelegationKind"
      },
      "names": {
        "$ref": "#/components/schemas/Localized"
      },
      "groupIds": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "Ids of the delegations of kind `group` this delegation belongs to, sorted."
      }
    },
    "required": [
      "id",
      "committeeId",
      "code",
      "kind",
      "names",
      "groupIds"
    ],
    "description": "A delegation (a State, a group of States or an organization) in the six languages."
  },
  "DeskArticle": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "number": {
        "type": "string",
        "description": "Its number in the draft's language: \"Article 4\"."
      },
      "heading": {
        "type": "string"
      },
      "status": {
        "$ref": "#/components/schemas/ProvisionStatus"
      },
      "text": {
        "type": "string",
        "description": "The article's numbered plain text in the live draft."
      },
      "counts": {
        "type": "object",
        "properties": {
          "brackets": {
            "type": "number"
          },
          "optionGroups": {
            "type": "number"
          },
          "proposals": {
            "type": "number"
          }
        },
        "required": [
          "brackets",
          "optionGroups",
          "proposals"
        ]
      },
      "proposals": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/DeskProposal"
        }
      }
    },
    "required": [
      "id",
      "number",
      "heading",
      "status",
      "text",
      "counts",
      "proposals"
    ],
    "description": "One article of the desk: the current text and every proposal received for it."
  },
  "DeskChange": {
    "anyOf": [
      {
        "type": "object",
        "properties": {
          "key": {
            "type": "string",
            "description": "The change's key for decisions on it (see `changeScopes` of `@concord/compile`)."
          },
          "where": {
            "$ref": "#/components/schemas/ChangePlace"
          },
          "decision": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/ProposalDecision"
              },
              {
                "type": "null"
              }
            ],
            "description": "`incorporate` (accepted) or `not-retain` (rejected), when decided on its own."
          },
          "kind": {
            "type": "string",
            "const": "text"
          },
          "target": {
            "type": "string"
          },
          "before": {
            "type": "string"
          },
          "after": {
            "type": "string"
          },
          "edits": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/TextEditView"
            }
          }
        },
        "required": [
          "after",
          "before",
          "decision",
          "edits",
          "key",
          "kind",
          "target",
          "where"
        ]
      },
      {
        "type": "object",
        "properties": {
          "key": {
            "type": "string",
            "description": "The change's key for decisions on it (see `changeScopes` of `@concord/compile`)."
          },
          "where": {
            "$ref": "#/components/schemas/ChangePlace"
          },
          "decision": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/ProposalDecision"
              },
              {
                "type": "null"
              }
            ],
            "description": "`incorporate` (accepted) or `not-retain` (rejected), when decided on its own."
          },
          "kind": {
            "type": "string",
            "const": "insert"
          },
          "parent": {
            "type": "string"
          },
          "after": {
            "type": [
              "string",
              "null"
            ]
          },
          "before": {
            "type": [
              "string",
              "null"
            ]
          },
          "nodes": {
            "type": "array",
            "items": {},
            "description": "ProseMirror JSON in the treaty schema."
          }
        },
        "required": [
          "after",
          "before",
          "decision",
          "key",
          "kind",
          "nodes",
          "parent",
          "where"
        ]
      },
      {
        "type": "object",
        "properties": {
          "key": {
            "type": "string",
            "description": "The change's key for decisions on it (see `changeScopes` of `@concord/compile`)."
          },
          "where": {
            "$ref": "#/components/schemas/ChangePlace"
          },
          "decision": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/ProposalDecision"
              },
              {
                "type": "null"
              }
            ],
            "description": "`incorporate` (accepted) or `not-retain` (rejected), when decided on its own."
          },
          "kind": {
            "type": "string",
            "const": "delete"
          },
          "target": {
            "type": "string"
          },
          "node": {
            "description": "ProseMirror JSON of the deleted node."
          }
        },
        "required": [
          "decision",
          "key",
          "kind",
          "node",
          "target",
          "where"
        ]
      }
    ],
    "description": "One single change of a proposal to an article, as the desk lists it, with its key and its own decision."
  },
  "DeskProposal": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "title": {
        "type": "string"
      },
      "sponsor": {
        "type": "string",
        "description": "Delegation codes."
      },
      "coSponsors": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "supporters": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "status": {
        "$ref": "#/components/schemas/ProposalStatus"
      },
      "late": {
        "type": "boolean"
      },
      "submittedAt": {
        "type": "string"
      },
      "justification": {
        "type": "string"
      },
      "changes": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/DeskChange"
        },
        "description": "Only its changes to this article, one per single change."
      },
      "textWarnings": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "Bidirectional controls and invisible characters found in the proposal (English, from the server)."
      },
      "decision": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/ProposalDecision"
          },
          {
            "type": "null"
          }
        ],
        "description": "The decision recorded on the whole proposal for this draft."
      },
      "compiled": {
        "type": "boolean",
        "description": "Whether its decisions have been compiled into the draft."
      },
      "provisionDecision": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/ProposalDecision"
          },
          {
            "type": "null"
          }
        ],
        "description": "The decision on its changes to this article, when decided article by article."
      }
    },
    "required": [
      "id",
      "title",
      "sponsor",
      "coSponsors",
      "supporters",
      "status",
      "late",
      "submittedAt",
      "justification",
      "changes",
      "textWarnings",
      "decision",
      "compiled",
      "provisionDecision"
    ],
    "description": "A proposal as the compile desk shows it beside the current text of one article."
  },
  "DeskView": {
    "type": "object",
    "properties": {
      "document": {
        "type": "string",
        "description": "The collaboration document of the live draft."
      },
      "articles": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/DeskArticle"
        }
      }
    },
    "required": [
      "document",
      "articles"
    ],
    "description": "The compile desk of a consolidated draft in one language."
  },
  "DiffPart": {
    "type": "object",
    "properties": {
      "kind": {
        "$ref": "#/components/schemas/TextChangeKind"
      },
      "text": {
        "type": "string"
      },
      "provenance": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/ProvenanceSpan"
        },
        "description": "For an insertion, where its characters come from in the newer document; empty otherwise."
      }
    },
    "required": [
      "kind",
      "text",
      "provenance"
    ],
    "description": "A run of a compared block: text both share, text inserted (with its provenance) or text deleted."
  },
  "Disposition": {
    "type": "string",
    "enum": [
      "accepted",
      "accepted-in-part",
      "not-accepted",
      "noted",
      "to-be-discussed"
    ]
  },
  "DispositionView": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "disposition": {
        "$ref": "#/components/schemas/Disposition"
      },
      "response": {
        "type": "string"
      },
      "addressedRevisionId": {
        "type": [
          "string",
          "null"
        ]
      },
      "addressedRevisionSymbol": {
        "type": [
          "string",
          "null"
        ]
      },
      "addressedProvisionId": {
        "type": [
          "string",
          "null"
        ]
      },
      "addressedProvisionLabel": {
        "type": [
          "string",
          "null"
        ],
        "description": "That provision's number in that revision (\"Article 6 (2)\")."
      },
      "recordedBy": {
        "type": [
          "string",
          "null"
        ]
      },
      "recordedAt": {
        "type": "string"
      }
    },
    "required": [
      "id",
      "disposition",
      "response",
      "addressedRevisionId",
      "addressedRevisionSymbol",
      "addressedProvisionId",
      "addressedProvisionLabel",
      "recordedBy",
      "recordedAt"
    ],
    "description": "One recorded disposition of a remark; the latest is the current one, the earlier ones its history."
  },
  "DraftingSpaceView": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "document": {
        "type": "string",
        "description": "The collaboration document to connect to at `/collab/<document>`."
      },
      "title": {
        "type": "string"
      },
      "language": {
        "$ref": "#/components/schemas/Language"
      },
      "instrumentId": {
        "type": "string"
      },
      "ownerDelegationId": {
        "type": "string"
      },
      "coSponsorIds": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "Delegations that accepted to co-sponsor, and so co-edit."
      },
      "invitedCoSponsorIds": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "Delegations asked to co-sponsor that have not answered; they may read the space meanwhile."
      },
      "provisionIds": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "Ids of the base text's articles the space drafts on; empty for the whole text."
      },
      "createdAt": {
        "type": "string"
      }
    },
    "required": [
      "id",
      "document",
      "title",
      "language",
      "instrumentId",
      "ownerDelegationId",
      "coSponsorIds",
      "invitedCoSponsorIds",
      "provisionIds",
      "createdAt"
    ],
    "description": "A delegation's private collaborative text on an instrument's base text."
  },
  "ErrorView": {
    "type": "object",
    "properties": {
      "error": {
        "type": "object",
        "properties": {
          "code": {
            "type": "string",
            "description": "A stable code, such as `proposal-not-found`."
          },
          "message": {
            "type": "string",
            "description": "What went wrong, in English, for people."
          },
          "details": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "What exactly was wrong, when the server lists it (one line per invalid field of a request)."
          }
        },
        "required": [
          "code",
          "message"
        ]
      }
    },
    "required": [
      "error"
    ],
    "description": "The one shape of every error the API answers."
  },
  "FollowedRemarkView": {
    "type": "object",
    "properties": {
      "remark": {
        "$ref": "#/components/schemas/RemarkView"
      },
      "comment": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          },
          "number": {
            "type": [
              "number",
              "null"
            ]
          },
          "delegationCode": {
            "type": "string"
          },
          "delegationName": {
            "type": "string"
          },
          "language": {
            "$ref": "#/components/schemas/Language"
          },
          "late": {
            "type": "boolean"
          }
        },
        "required": [
          "id",
          "number",
          "delegationCode",
          "delegationName",
          "language",
          "late"
        ]
      },
      "revisionId": {
        "type": "string",
        "description": "The revision the comment was made on."
      },
      "revisionSymbol": {
        "type": "string"
      },
      "currentLabel": {
        "type": [
          "string",
          "null"
        ],
        "description": "The provision's number in the revision being read, null when it was deleted."
      },
      "textChanged": {
        "type": "boolean"
      },
      "deleted": {
        "type": "boolean"
      },
      "moved": {
        "type": "boolean"
      }
    },
    "required": [
      "remark",
      "comment",
      "revisionId",
      "revisionSymbol",
      "currentLabel",
      "textChanged",
      "deleted",
      "moved"
    ],
    "description": "A remark shown on a revision: where its provision is now, and whether it changed or went since the comment."
  },
  "HealthView": {
    "type": "object",
    "properties": {
      "status": {
        "type": "string",
        "const": "ok"
      },
      "database": {
        "$ref": "#/components/schemas/DatabaseKind"
      },
      "uptimeSeconds": {
        "type": "number"
      }
    },
    "required": [
      "status",
      "database",
      "uptimeSeconds"
    ],
    "description": "What `/api/health` reports."
  },
  "HistoryActor": {
    "anyOf": [
      {
        "type": "object",
        "properties": {
          "body": {
            "type": "string",
            "const": "delegation"
          },
          "delegationId": {
            "type": "string"
          }
        },
        "required": [
          "body",
          "delegationId"
        ]
      },
      {
        "type": "object",
        "properties": {
          "body": {
            "type": "string",
            "enum": [
              "secretariat",
              "bureau",
              "administration"
            ]
          }
        },
        "required": [
          "body"
        ]
      }
    ],
    "description": "Who changed a proposal's status, as a negotiation names it: the delegation a member acted for, or the secretariat, the bureau or the administration; never a person's name, which the public may read once the proposal is published."
  },
  "ImportedInstrumentView": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "committeeId": {
        "type": "string"
      },
      "titles": {
        "$ref": "#/components/schemas/Localized"
      },
      "originalLanguage": {
        "$ref": "#/components/schemas/Language"
      },
      "languages": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/Language"
        },
        "description": "The language versions that have text."
      },
      "createdAt": {
        "type": "string"
      },
      "warnings": {
        "type": "array",
        "items": {
          "type": "string"
        }
      }
    },
    "required": [
      "committeeId",
      "createdAt",
      "id",
      "languages",
      "originalLanguage",
      "titles",
      "warnings"
    ],
    "description": "The answer to an import: the new instrument and what the importer noticed (skipped content, guesses)."
  },
  "InboxItemView": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "kind": {
        "$ref": "#/components/schemas/InboxKind"
      },
      "link": {
        "type": "string",
        "description": "Where the item leads in the web app."
      },
      "facts": {
        "type": "object",
        "additionalProperties": {
          "type": "string"
        },
        "description": "Short facts to show (a proposal's title, a period's title, a delegation's code, a disposition)."
      },
      "createdAt": {
        "type": "string"
      },
      "readAt": {
        "type": [
          "string",
          "null"
        ]
      }
    },
    "required": [
      "id",
      "kind",
      "link",
      "facts",
      "createdAt",
      "readAt"
    ],
    "description": "One item of a user's inbox."
  },
  "InboxKind": {
    "type": "string",
    "enum": [
      "co-sponsor-invitation",
      "comment-period-opened",
      "comment-period-closing",
      "thread-reply",
      "comment-disposition",
      "proposal-decision"
    ]
  },
  "InboxView": {
    "type": "object",
    "properties": {
      "items": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/InboxItemView"
        }
      },
      "unread": {
        "type": "number"
      }
    },
    "required": [
      "items",
      "unread"
    ],
    "description": "A user's inbox and how many of its items are unread."
  },
  "InstrumentTextView": {
    "type": "object",
    "properties": {
      "instrumentId": {
        "type": "string"
      },
      "language": {
        "$ref": "#/components/schemas/Language"
      },
      "text": {
        "type": "string",
        "description": "Plain text with derived numbering."
      },
      "doc": {
        "description": "ProseMirror JSON in the treaty schema of `@concord/schema`."
      }
    },
    "required": [
      "instrumentId",
      "language",
      "text",
      "doc"
    ],
    "description": "The base text of an instrument in one language."
  },
  "InstrumentView": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "committeeId": {
        "type": "string"
      },
      "titles": {
        "$ref": "#/components/schemas/Localized"
      },
      "originalLanguage": {
        "$ref": "#/components/schemas/Language"
      },
      "languages": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/Language"
        },
        "description": "The language versions that have text."
      },
      "createdAt": {
        "type": "string"
      }
    },
    "required": [
      "id",
      "committeeId",
      "titles",
      "originalLanguage",
      "languages",
      "createdAt"
    ],
    "description": "A text under negotiation."
  },
  "InvitationView": {
    "type": "object",
    "properties": {
      "invitation": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          },
          "email": {
            "type": "string"
          },
          "expiresAt": {
            "type": "string"
          }
        },
        "required": [
          "id",
          "email",
          "expiresAt"
        ]
      },
      "token": {
        "type": "string"
      },
      "inviteUrl": {
        "type": "string",
        "description": "The one-time link to give to the invitee; it is not shown again."
      },
      "emailed": {
        "type": "boolean",
        "description": "Whether the link also went out by e-mail (SMTP_URL is set)."
      }
    },
    "required": [
      "invitation",
      "token",
      "inviteUrl",
      "emailed"
    ],
    "description": "A created invitation; the token is shown once and only its hash is kept."
  },
  "Language": {
    "type": "string",
    "enum": [
      "ar",
      "zh",
      "en",
      "fr",
      "ru",
      "es"
    ],
    "description": "An official language, as its ISO 639-1 code."
  },
  "LanguageAddedView": {
    "type": "object",
    "properties": {
      "language": {
        "$ref": "#/components/schemas/Language"
      },
      "stale": {
        "type": "number"
      }
    },
    "required": [
      "language",
      "stale"
    ],
    "description": "A language version started: how many of its nodes wait for a translator."
  },
  "LivenessView": {
    "type": "object",
    "properties": {
      "status": {
        "type": "string",
        "const": "live"
      },
      "uptimeSeconds": {
        "type": "number"
      }
    },
    "required": [
      "status",
      "uptimeSeconds"
    ],
    "description": "What `/api/health/live` reports: the process answers."
  },
  "Localized": {
    "type": "object",
    "properties": {
      "ar": {
        "type": "string"
      },
      "zh": {
        "type": "string"
      },
      "en": {
        "type": "string"
      },
      "fr": {
        "type": "string"
      },
      "ru": {
        "type": "string"
      },
      "es": {
        "type": "string"
      }
    },
    "description": "A value (by default a name) given in some of the official languages."
  },
  "MailDelivery": {
    "type": "string",
    "enum": [
      "immediate",
      "daily",
      "off"
    ],
    "description": "How a user hears of what waits in their inbox."
  },
  "MailMessageView": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "to": {
        "type": "string"
      },
      "kind": {
        "type": "string"
      },
      "subject": {
        "type": "string"
      },
      "status": {
        "$ref": "#/components/schemas/MailStatus"
      },
      "attempts": {
        "type": "number"
      },
      "lastError": {
        "type": [
          "string",
          "null"
        ]
      },
      "nextAttemptAt": {
        "type": "string"
      },
      "createdAt": {
        "type": "string"
      },
      "sentAt": {
        "type": [
          "string",
          "null"
        ]
      }
    },
    "required": [
      "id",
      "to",
      "kind",
      "subject",
      "status",
      "attempts",
      "lastError",
      "nextAttemptAt",
      "createdAt",
      "sentAt"
    ],
    "description": "An outgoing e-mail, as administrators see it."
  },
  "MailSettingsView": {
    "type": "object",
    "properties": {
      "enabled": {
        "type": "boolean",
        "description": "Whether this server sends e-mail at all (SMTP_URL is set)."
      },
      "delivery": {
        "$ref": "#/components/schemas/MailDelivery"
      },
      "language": {
        "$ref": "#/components/schemas/Language"
      }
    },
    "required": [
      "enabled",
      "delivery",
      "language"
    ],
    "description": "A user's e-mail settings."
  },
  "MailStatus": {
    "type": "string",
    "enum": [
      "pending",
      "sending",
      "held",
      "sent",
      "failed"
    ],
    "description": "Where an outgoing e-mail stands."
  },
  "MeView": {
    "type": "object",
    "properties": {
      "user": {
        "$ref": "#/components/schemas/UserView"
      }
    },
    "required": [
      "user"
    ],
    "description": "The signed-in user, as `GET /api/auth/me` answers."
  },
  "MemberView": {
    "type": "object",
    "properties": {
      "userId": {
        "type": "string"
      },
      "displayName": {
        "type": "string"
      },
      "email": {
        "type": "string"
      },
      "roles": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/Role"
        }
      },
      "membership": {
        "$ref": "#/components/schemas/DelegationMembership",
        "description": "A pending member sees none of the delegation's drafts."
      },
      "active": {
        "type": "boolean",
        "description": "Whether the member has set a password from its invitation."
      },
      "addedBy": {
        "anyOf": [
          {
            "type": "object",
            "properties": {
              "id": {
                "type": "string"
              },
              "displayName": {
                "type": "string"
              }
            },
            "required": [
              "id",
              "displayName"
            ]
          },
          {
            "type": "null"
          }
        ],
        "description": "Who invited the member (null for accounts created by the system, such as the demo's)."
      },
      "addedAt": {
        "type": "string"
      }
    },
    "required": [
      "userId",
      "displayName",
      "email",
      "roles",
      "membership",
      "active",
      "addedBy",
      "addedAt"
    ],
    "description": "A member of a delegation as its head sees it."
  },
  "NumberLabel": {
    "type": "object",
    "properties": {
      "kind": {
        "$ref": "#/components/schemas/NumberedKind"
      },
      "ordinal": {
        "type": "number",
        "description": "1-based position among its numbered siblings (an option's position in its group)."
      },
      "depth": {
        "type": "number",
        "description": "Nesting depth of a subparagraph (1 for (a), 2 for (i), 3 for (A)); 0 for other kinds."
      },
      "label": {
        "type": "string",
        "description": "The label as printed: \"Article 7\", \"2.\", \"(b)\", \"Option 1\"; empty for the lone paragraph of an article."
      }
    },
    "required": [
      "kind",
      "ordinal",
      "depth",
      "label"
    ],
    "description": "The number of one structural node in one language, derived from its position."
  },
  "NumberedKind": {
    "type": "string",
    "enum": [
      "chapter",
      "article",
      "paragraph",
      "subparagraph",
      "option"
    ],
    "description": "What a number label numbers."
  },
  "OutcomeStatus": {
    "type": "string",
    "enum": [
      "incorporated",
      "partially-incorporated",
      "presented-as-option",
      "not-retained",
      "conflict",
      "no-change",
      "undecided"
    ],
    "description": "What became of a proposal in a compilation."
  },
  "ProposalDecision": {
    "type": "string",
    "enum": [
      "incorporate",
      "present-as-option",
      "not-retain"
    ],
    "description": "A decision on a proposal (or its changes to one provision, or one change), applied at the next compilation."
  },
  "ProposalHistoryEntry": {
    "type": "object",
    "properties": {
      "from": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/ProposalStatus"
          },
          {
            "type": "null"
          }
        ]
      },
      "to": {
        "$ref": "#/components/schemas/ProposalStatus"
      },
      "actorId": {
        "type": "string",
        "description": "The user's id, so that a reader can tell their own actions."
      },
      "actor": {
        "$ref": "#/components/schemas/HistoryActor"
      },
      "at": {
        "type": "string"
      }
    },
    "required": [
      "from",
      "to",
      "actorId",
      "actor",
      "at"
    ],
    "description": "One recorded move of a proposal's lifecycle."
  },
  "ProposalStatus": {
    "type": "string",
    "enum": [
      "draft",
      "submitted",
      "withdrawn",
      "incorporated",
      "partially-incorporated",
      "presented-as-option",
      "not-retained",
      "superseded"
    ],
    "description": "The status of a proposal."
  },
  "ProposalView": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "committeeId": {
        "type": "string"
      },
      "instrumentId": {
        "type": "string"
      },
      "spaceId": {
        "type": [
          "string",
          "null"
        ],
        "description": "The drafting space it was submitted from; null for proposals made another way (such as imports)."
      },
      "language": {
        "$ref": "#/components/schemas/Language"
      },
      "title": {
        "type": "string"
      },
      "justification": {
        "type": "string",
        "description": "As written by the delegation: rendered as text only."
      },
      "sponsorDelegationId": {
        "type": "string"
      },
      "coSponsorIds": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "supporterIds": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "status": {
        "$ref": "#/components/schemas/ProposalStatus"
      },
      "late": {
        "type": "boolean",
        "description": "Submitted after its session's proposal deadline."
      },
      "sessionId": {
        "type": [
          "string",
          "null"
        ]
      },
      "provisionIds": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "The articles it changes."
      },
      "baseRef": {
        "type": "string",
        "description": "What the proposal was made against: the live draft's state or a revision."
      },
      "baseDoc": {
        "description": "The base provisions it was made against, as ProseMirror JSON."
      },
      "proposedDoc": {
        "description": "The proposed text of those provisions, as ProseMirror JSON."
      },
      "changes": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/StoredChange"
        }
      },
      "textWarnings": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "Bidirectional controls and invisible characters in its text or justification, one English line each."
      },
      "supersedesId": {
        "type": [
          "string",
          "null"
        ]
      },
      "submittedAt": {
        "type": "string"
      },
      "submittedBy": {
        "type": "string"
      },
      "published": {
        "type": "boolean",
        "description": "Public since a published compilation of proposals listed it."
      },
      "history": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/ProposalHistoryEntry"
        }
      }
    },
    "required": [
      "id",
      "committeeId",
      "instrumentId",
      "spaceId",
      "language",
      "title",
      "justification",
      "sponsorDelegationId",
      "coSponsorIds",
      "supporterIds",
      "status",
      "late",
      "sessionId",
      "provisionIds",
      "baseRef",
      "baseDoc",
      "proposedDoc",
      "changes",
      "textWarnings",
      "supersedesId",
      "submittedAt",
      "submittedBy",
      "published",
      "history"
    ],
    "description": "A submitted proposal."
  },
  "ProvenanceAttrs": {
    "type": "object",
    "properties": {
      "kind": {
        "$ref": "#/components/schemas/ProvenanceKind"
      },
      "ref": {
        "type": "string",
        "description": "The revision id (`base`), proposal id (`proposal`) or user id (`edit`) the text comes from; a `translation` keeps the ref of the original words it renders (the translator's user id where it renders none)."
      },
      "delegations": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "Codes of the delegations behind the text (proposer first, then co-sponsors and supporters); a translation keeps those of the original words it renders."
      },
      "label": {
        "type": "string",
        "description": "A human-readable description, e.g. a footnote text."
      }
    },
    "required": [
      "kind",
      "ref",
      "delegations",
      "label"
    ],
    "description": "Attributes of a `provenance` mark."
  },
  "ProvenanceKind": {
    "type": "string",
    "enum": [
      "base",
      "proposal",
      "edit",
      "translation"
    ],
    "description": "The origin kind recorded by a `provenance` mark."
  },
  "ProvenanceSpan": {
    "type": "object",
    "properties": {
      "from": {
        "type": "number"
      },
      "to": {
        "type": "number"
      },
      "provenance": {
        "$ref": "#/components/schemas/ProvenanceAttrs"
      }
    },
    "required": [
      "from",
      "to",
      "provenance"
    ],
    "description": "The provenance of part of an inserted run: characters `from`–`to` (UTF-16 offsets into the run's text) of the newer document carry this provenance mark."
  },
  "ProvenanceSpanView": {
    "type": "object",
    "properties": {
      "from": {
        "type": "number"
      },
      "to": {
        "type": "number"
      },
      "text": {
        "type": "string"
      },
      "kind": {
        "type": [
          "string",
          "null"
        ]
      },
      "refs": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "delegations": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "label": {
        "type": [
          "string",
          "null"
        ]
      },
      "proposals": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "id": {
              "type": "string"
            },
            "href": {
              "type": "string"
            }
          },
          "required": [
            "id",
            "href"
          ]
        },
        "description": "Links to the proposals the span comes from."
      }
    },
    "required": [
      "from",
      "to",
      "text",
      "kind",
      "refs",
      "delegations",
      "label",
      "proposals"
    ],
    "description": "A span of a live document's text with where it came from."
  },
  "ProvisionKind": {
    "type": "string",
    "enum": [
      "chapter",
      "article",
      "paragraph"
    ],
    "description": "The provisions the concordance table lists."
  },
  "ProvisionStatus": {
    "type": "string",
    "enum": [
      "open",
      "informally-agreed",
      "agreed-ad-referendum"
    ],
    "description": "The negotiation status of a provision."
  },
  "ProvisionStatusView": {
    "type": "object",
    "properties": {
      "provisionId": {
        "type": "string"
      },
      "status": {
        "$ref": "#/components/schemas/ProvisionStatus"
      },
      "reason": {
        "type": [
          "string",
          "null"
        ],
        "description": "Why agreed text was reopened; null otherwise."
      }
    },
    "required": [
      "provisionId",
      "status",
      "reason"
    ],
    "description": "A provision's status as set."
  },
  "ProvisionTranslatedView": {
    "type": "object",
    "properties": {
      "nodeId": {
        "type": "string"
      },
      "stale": {
        "type": "number"
      }
    },
    "required": [
      "nodeId",
      "stale"
    ],
    "description": "A provision translated, and how many nodes still wait."
  },
  "PublishedCompilationSummary": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "instrumentId": {
        "type": "string"
      },
      "language": {
        "$ref": "#/components/schemas/Language"
      },
      "proposals": {
        "type": "number",
        "description": "How many proposals it lists."
      },
      "publishedAt": {
        "type": "string"
      }
    },
    "required": [
      "id",
      "instrumentId",
      "language",
      "proposals",
      "publishedAt"
    ],
    "description": "A published compilation of proposals as listed for everyone."
  },
  "PublishedCompilationView": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "proposalIds": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "publishedAt": {
        "type": "string"
      }
    },
    "required": [
      "id",
      "proposalIds",
      "publishedAt"
    ],
    "description": "A published compilation of proposals."
  },
  "ReadinessState": {
    "type": "string",
    "enum": [
      "starting",
      "migrating",
      "seeding",
      "ready",
      "stopping"
    ],
    "description": "Where the server's start sequence stands."
  },
  "ReadinessView": {
    "type": "object",
    "properties": {
      "status": {
        "type": "string",
        "const": "ready"
      },
      "state": {
        "$ref": "#/components/schemas/ReadinessState"
      },
      "database": {
        "$ref": "#/components/schemas/DatabaseKind"
      }
    },
    "required": [
      "status",
      "state",
      "database"
    ],
    "description": "What `/api/health/ready` reports when the server serves requests."
  },
  "RemarkView": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "number": {
        "type": "string",
        "description": "The remark's number in the period, such as \"3.2\" (comment 3, remark 2); empty while drafted."
      },
      "provisionId": {
        "type": [
          "string",
          "null"
        ]
      },
      "provisionLabel": {
        "type": [
          "string",
          "null"
        ],
        "description": "The provision's number where the comment was filed (\"Article 5, paragraph 2\"), when known."
      },
      "body": {
        "type": "string"
      },
      "proposedWording": {
        "type": [
          "string",
          "null"
        ]
      },
      "disposition": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/DispositionView"
          },
          {
            "type": "null"
          }
        ],
        "description": "Current disposition, when the reader may see it."
      },
      "dispositionHistory": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/DispositionView"
        },
        "description": "Every disposition recorded, oldest first (visible to the same readers as the current one)."
      }
    },
    "required": [
      "id",
      "number",
      "provisionId",
      "provisionLabel",
      "body",
      "proposedWording",
      "disposition",
      "dispositionHistory"
    ],
    "description": "A remark of a written comment: general (no provision) or on one provision, by its stable id."
  },
  "RenumberingView": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "instrumentId": {
        "type": "string"
      },
      "actorId": {
        "type": "string"
      },
      "at": {
        "type": "string"
      },
      "entries": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/ConcordanceLine"
        }
      }
    },
    "required": [
      "id",
      "instrumentId",
      "actorId",
      "at",
      "entries"
    ],
    "description": "A renumbering of a consolidated draft with its concordance."
  },
  "RevisionSummary": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "instrumentId": {
        "type": "string"
      },
      "symbol": {
        "type": "string",
        "description": "The document symbol: `A/AC.291/22`, `A/AC.291/22/Rev.1`."
      },
      "date": {
        "type": "string",
        "description": "The date of the document, `YYYY-MM-DD`."
      },
      "tier": {
        "type": "string",
        "enum": [
          "committee",
          "public"
        ],
        "description": "Who may read it: the committee, or everyone."
      },
      "originalLanguage": {
        "$ref": "#/components/schemas/Language"
      },
      "languages": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/Language"
        },
        "description": "The language versions it was published in."
      },
      "titles": {
        "$ref": "#/components/schemas/Localized",
        "description": "The instrument's title in each language it has one in."
      },
      "contentHash": {
        "type": "string",
        "description": "SHA-256 of the canonical content, in hexadecimal."
      },
      "publishedAt": {
        "type": "string",
        "description": "An ISO 8601 instant."
      },
      "verification": {
        "$ref": "#/components/schemas/RevisionVerificationState",
        "description": "Whether the revision is what the server published: a failed one must not be read or cited as authentic."
      }
    },
    "required": [
      "id",
      "instrumentId",
      "symbol",
      "date",
      "tier",
      "originalLanguage",
      "languages",
      "titles",
      "contentHash",
      "publishedAt",
      "verification"
    ],
    "description": "A published revision's metadata."
  },
  "RevisionText": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "instrumentId": {
        "type": "string"
      },
      "symbol": {
        "type": "string",
        "description": "The document symbol: `A/AC.291/22`, `A/AC.291/22/Rev.1`."
      },
      "date": {
        "type": "string",
        "description": "The date of the document, `YYYY-MM-DD`."
      },
      "tier": {
        "type": "string",
        "enum": [
          "committee",
          "public"
        ],
        "description": "Who may read it: the committee, or everyone."
      },
      "originalLanguage": {
        "$ref": "#/components/schemas/Language"
      },
      "languages": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/Language"
        },
        "description": "The language versions it was published in."
      },
      "titles": {
        "$ref": "#/components/schemas/Localized",
        "description": "The instrument's title in each language it has one in."
      },
      "contentHash": {
        "type": "string",
        "description": "SHA-256 of the canonical content, in hexadecimal."
      },
      "publishedAt": {
        "type": "string",
        "description": "An ISO 8601 instant."
      },
      "verification": {
        "$ref": "#/components/schemas/RevisionVerificationState",
        "description": "Whether the revision is what the server published: a failed one must not be read or cited as authentic."
      },
      "language": {
        "$ref": "#/components/schemas/Language"
      },
      "doc": {
        "description": "The text as ProseMirror JSON in the treaty schema of `@concord/schema`, with its provenance marks."
      },
      "text": {
        "type": "string",
        "description": "The numbered plain text."
      },
      "stale": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "Ids of the nodes whose translation had not been checked against the original when it was published."
      }
    },
    "required": [
      "contentHash",
      "date",
      "doc",
      "id",
      "instrumentId",
      "language",
      "languages",
      "originalLanguage",
      "publishedAt",
      "stale",
      "symbol",
      "text",
      "tier",
      "titles",
      "verification"
    ],
    "description": "A published revision in one language."
  },
  "RevisionVerification": {
    "type": "object",
    "properties": {
      "status": {
        "type": "string",
        "enum": [
          "verified",
          "failed"
        ]
      },
      "reason": {
        "type": [
          "string",
          "null"
        ],
        "description": "Why it failed; null when verified."
      },
      "id": {
        "type": "string"
      },
      "symbol": {
        "type": "string"
      },
      "ok": {
        "type": "boolean"
      },
      "storedHash": {
        "type": "string"
      },
      "computedHash": {
        "type": "string"
      },
      "keyFingerprint": {
        "type": "string",
        "description": "Fingerprint (SHA-256) of the public key the signature was checked with."
      }
    },
    "required": [
      "computedHash",
      "id",
      "keyFingerprint",
      "ok",
      "reason",
      "status",
      "storedHash",
      "symbol"
    ],
    "description": "What verifying a revision found."
  },
  "RevisionVerificationState": {
    "type": "object",
    "properties": {
      "status": {
        "type": "string",
        "enum": [
          "verified",
          "failed"
        ]
      },
      "reason": {
        "type": [
          "string",
          "null"
        ],
        "description": "Why it failed; null when verified."
      }
    },
    "required": [
      "status",
      "reason"
    ],
    "description": "The outcome of verifying a revision: its content against its hash, the server key's signature over its hash and metadata, and the audit row that records its publication."
  },
  "Role": {
    "type": "string",
    "enum": [
      "delegate",
      "head-of-delegation",
      "secretariat",
      "chair",
      "observer",
      "admin"
    ],
    "description": "A user's role."
  },
  "SessionView": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "committeeId": {
        "type": "string"
      },
      "number": {
        "type": "number"
      },
      "title": {
        "type": "string"
      },
      "venue": {
        "type": "string"
      },
      "startDate": {
        "type": "string",
        "description": "A calendar date, `YYYY-MM-DD`."
      },
      "endDate": {
        "type": "string",
        "description": "A calendar date, `YYYY-MM-DD`."
      },
      "proposalDeadline": {
        "type": "string",
        "description": "An ISO 8601 instant."
      }
    },
    "required": [
      "id",
      "committeeId",
      "number",
      "title",
      "venue",
      "startDate",
      "endDate",
      "proposalDeadline"
    ],
    "description": "A session of a committee."
  },
  "SignInView": {
    "type": "object",
    "properties": {
      "token": {
        "type": "string"
      },
      "expiresAt": {
        "type": "string",
        "description": "An ISO 8601 instant."
      },
      "user": {
        "$ref": "#/components/schemas/UserView"
      }
    },
    "required": [
      "token",
      "expiresAt",
      "user"
    ],
    "description": "A successful sign-in: the bearer token (also set as the httpOnly session cookie) and who signed in."
  },
  "SignedRevisionBundle": {
    "type": "object",
    "properties": {
      "format": {
        "type": "string",
        "const": "concord-signed-revision/1"
      },
      "id": {
        "type": "string"
      },
      "committeeId": {
        "type": "string"
      },
      "instrumentId": {
        "type": "string"
      },
      "symbol": {
        "type": "string"
      },
      "revisionNumber": {
        "type": "number"
      },
      "date": {
        "type": "string"
      },
      "tier": {
        "type": "string"
      },
      "originalLanguage": {
        "type": "string"
      },
      "contentHash": {
        "type": "string"
      },
      "auditSeq": {
        "type": [
          "number",
          "null"
        ]
      },
      "auditHash": {
        "type": [
          "string",
          "null"
        ]
      },
      "signature": {
        "type": [
          "string",
          "null"
        ],
        "description": "Base64 Ed25519 signature over the revision's signed payload."
      },
      "keyFingerprint": {
        "type": "string"
      },
      "content": {
        "type": "string",
        "description": "The canonical JSON that `contentHash` covers, exactly as stored."
      }
    },
    "required": [
      "format",
      "id",
      "committeeId",
      "instrumentId",
      "symbol",
      "revisionNumber",
      "date",
      "tier",
      "originalLanguage",
      "contentHash",
      "auditSeq",
      "auditHash",
      "signature",
      "keyFingerprint",
      "content"
    ],
    "description": "A revision as signed, for verifying it away from the server (`revision:verify <file>`): the canonical content, the metadata the signature covers, and the signature."
  },
  "SigningKeyView": {
    "type": "object",
    "properties": {
      "algorithm": {
        "type": "string",
        "const": "Ed25519"
      },
      "publicKey": {
        "type": "string",
        "description": "SubjectPublicKeyInfo in PEM."
      },
      "fingerprint": {
        "type": "string",
        "description": "SHA-256 of the DER encoding, in hexadecimal: compare it with one obtained another way before trusting the key."
      }
    },
    "required": [
      "algorithm",
      "publicKey",
      "fingerprint"
    ],
    "description": "The public half of the signing key, as anyone verifying a revision or the audit head needs it."
  },
  "StaleNodeView": {
    "type": "object",
    "properties": {
      "nodeId": {
        "type": "string"
      },
      "reason": {
        "type": "string",
        "enum": [
          "missing",
          "unconfirmed",
          "changed"
        ],
        "description": "`missing`: not in the translation; `unconfirmed`: never confirmed; `changed`: the original changed since."
      },
      "original": {
        "type": "string"
      },
      "translation": {
        "type": [
          "string",
          "null"
        ]
      },
      "nodeType": {
        "type": "string",
        "description": "The node's type (`article`, `paragraph`, `recital`, …)."
      },
      "place": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/NumberLabel"
        },
        "description": "Where the node is: the numbers of the nodes around it and its own, outermost first, in the original."
      },
      "translatedFrom": {
        "type": [
          "string",
          "null"
        ],
        "description": "The original's own words when the translation was last made or confirmed; `null` if never."
      },
      "changes": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/TextEditView"
        },
        "description": "The word changes from `translatedFrom` to `original`, as offsets in both (empty when either is unknown)."
      },
      "segments": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/TextSegment"
        },
        "description": "The runs of the original's own words that a translation renders one by one, keeping their marks."
      },
      "translatedSegments": {
        "anyOf": [
          {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          {
            "type": "null"
          }
        ],
        "description": "The translation's current words per run, when it still has the original's runs; else `null`."
      }
    },
    "required": [
      "nodeId",
      "reason",
      "original",
      "translation",
      "nodeType",
      "place",
      "translatedFrom",
      "changes",
      "segments",
      "translatedSegments"
    ],
    "description": "A node of a translation that does not render the original's current words."
  },
  "StatusChange": {
    "type": "object",
    "properties": {
      "provisionId": {
        "type": "string"
      },
      "from": {
        "$ref": "#/components/schemas/ProvisionStatus"
      },
      "to": {
        "$ref": "#/components/schemas/ProvisionStatus"
      },
      "actorId": {
        "type": "string"
      },
      "at": {
        "type": "string"
      },
      "reason": {
        "type": [
          "string",
          "null"
        ],
        "description": "Why agreed text was reopened; null otherwise."
      }
    },
    "required": [
      "provisionId",
      "from",
      "to",
      "actorId",
      "at",
      "reason"
    ],
    "description": "One change of a provision's status."
  },
  "StoredAnchor": {
    "type": "object",
    "properties": {
      "start": {
        "type": "string"
      },
      "end": {
        "type": "string"
      }
    },
    "required": [
      "start",
      "end"
    ],
    "description": "The range of a live document a thread is about: two Yjs relative positions, base64."
  },
  "StoredChange": {
    "anyOf": [
      {
        "$ref": "#/components/schemas/StoredTextChange"
      },
      {
        "$ref": "#/components/schemas/StoredInsertChange"
      },
      {
        "$ref": "#/components/schemas/StoredDeleteChange"
      }
    ],
    "description": "One change of a proposal against its base, as the server stores and sends it: the change set of `@concord/compile` with its nodes as ProseMirror JSON."
  },
  "StoredDeleteChange": {
    "type": "object",
    "properties": {
      "kind": {
        "type": "string",
        "const": "delete"
      },
      "target": {
        "type": "string"
      },
      "node": {
        "description": "ProseMirror JSON of the deleted node."
      }
    },
    "required": [
      "kind",
      "target",
      "node"
    ],
    "description": "A node deleted."
  },
  "StoredInsertChange": {
    "type": "object",
    "properties": {
      "kind": {
        "type": "string",
        "const": "insert"
      },
      "parent": {
        "type": "string"
      },
      "after": {
        "type": [
          "string",
          "null"
        ]
      },
      "before": {
        "type": [
          "string",
          "null"
        ]
      },
      "nodes": {
        "type": "array",
        "items": {},
        "description": "ProseMirror JSON in the treaty schema."
      }
    },
    "required": [
      "kind",
      "parent",
      "after",
      "before",
      "nodes"
    ],
    "description": "New nodes inserted under `parent`, between the siblings `after` and `before` (ids, null at either end)."
  },
  "StoredTextChange": {
    "type": "object",
    "properties": {
      "kind": {
        "type": "string",
        "const": "text"
      },
      "target": {
        "type": "string"
      },
      "before": {
        "type": "string"
      },
      "after": {
        "type": "string"
      },
      "edits": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/TextEditView"
        }
      }
    },
    "required": [
      "kind",
      "target",
      "before",
      "after",
      "edits"
    ],
    "description": "A change to the words of one text block."
  },
  "TextChangeKind": {
    "type": "string",
    "enum": [
      "equal",
      "insert",
      "delete"
    ],
    "description": "What happened to a run of text between two versions."
  },
  "TextEditView": {
    "type": "object",
    "properties": {
      "from": {
        "type": "number"
      },
      "to": {
        "type": "number"
      },
      "deleted": {
        "type": "string"
      },
      "inserted": {
        "type": "string"
      }
    },
    "required": [
      "from",
      "to",
      "deleted",
      "inserted"
    ],
    "description": "One replacement in a text: `[from, to)` of `before` (`deleted`) became `inserted`."
  },
  "TextSegment": {
    "type": "object",
    "properties": {
      "block": {
        "type": "number",
        "description": "Index of the own text block (heading, lead text) the run is in."
      },
      "text": {
        "type": "string"
      },
      "brackets": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "Ids of the brackets around the run, outermost first."
      },
      "provenance": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/ProvenanceAttrs"
          },
          {
            "type": "null"
          }
        ],
        "description": "The run's provenance, if it has one."
      },
      "footnote": {
        "type": [
          "string",
          "null"
        ],
        "description": "The id of the footnote the run is a word of, `null` for the text itself."
      }
    },
    "required": [
      "block",
      "text",
      "brackets",
      "provenance",
      "footnote"
    ],
    "description": "One run of a node's own words that carries the same marks: what a translator renders as a whole, so that the brackets and provenance around it survive in the translation."
  },
  "ThreadView": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "targetKind": {
        "$ref": "#/components/schemas/CommentTargetKind"
      },
      "targetId": {
        "type": "string"
      },
      "provisionId": {
        "type": [
          "string",
          "null"
        ]
      },
      "tier": {
        "$ref": "#/components/schemas/Tier"
      },
      "anchor": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/StoredAnchor"
          },
          {
            "type": "null"
          }
        ]
      },
      "quote": {
        "type": [
          "string",
          "null"
        ],
        "description": "The text the anchor covered when the thread was opened."
      },
      "orphaned": {
        "type": "boolean",
        "description": "True when the anchored text has been deleted: the thread is shown with its quote only."
      },
      "anchoredText": {
        "type": [
          "string",
          "null"
        ],
        "description": "The text the anchor covers now; null when orphaned or not anchored in a document."
      },
      "article": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          },
          "label": {
            "type": "string"
          }
        },
        "required": [
          "id",
          "label"
        ],
        "description": "The article of a consolidated draft the anchor lies in now, with its current number (\"Article 4\" after a renumbering of what was \"Article 2 ter\"); absent when not anchored in a consolidated draft."
      },
      "resolved": {
        "type": "boolean"
      },
      "resolvedAt": {
        "type": [
          "string",
          "null"
        ]
      },
      "resolvedBy": {
        "type": [
          "string",
          "null"
        ]
      },
      "comment": {
        "$ref": "#/components/schemas/CommentView"
      },
      "replies": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/CommentView"
        }
      }
    },
    "required": [
      "id",
      "targetKind",
      "targetId",
      "provisionId",
      "tier",
      "anchor",
      "quote",
      "orphaned",
      "anchoredText",
      "resolved",
      "resolvedAt",
      "resolvedBy",
      "comment",
      "replies"
    ],
    "description": "A thread: its opening comment, its replies, and where its anchor lies now (as the server last saw it)."
  },
  "Tier": {
    "type": "string",
    "enum": [
      "delegation",
      "committee",
      "public"
    ],
    "description": "The visibility tier of a record."
  },
  "TranslationsConfirmedView": {
    "type": "object",
    "properties": {
      "confirmed": {
        "type": "number"
      },
      "stale": {
        "type": "number"
      }
    },
    "required": [
      "confirmed",
      "stale"
    ],
    "description": "Translated nodes confirmed, and how many still wait."
  },
  "TreatyNodeName": {
    "type": "string",
    "enum": [
      "doc",
      "title",
      "preamble",
      "recital",
      "chapter",
      "heading",
      "article",
      "paragraph",
      "subparagraph",
      "text_block",
      "option_group",
      "option",
      "footnote",
      "text"
    ],
    "description": "Names of the node types of  {@link  treatySchema } ."
  },
  "UnreadCountView": {
    "type": "object",
    "properties": {
      "unread": {
        "type": "number"
      }
    },
    "required": [
      "unread"
    ],
    "description": "How many inbox items are left unread."
  },
  "UserView": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "email": {
        "type": "string"
      },
      "displayName": {
        "type": "string"
      },
      "roles": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/Role"
        }
      },
      "delegationId": {
        "type": [
          "string",
          "null"
        ],
        "description": "The delegation the user acts for; null while its head has not confirmed the membership."
      },
      "pendingDelegationId": {
        "type": [
          "string",
          "null"
        ],
        "description": "The delegation the user was added to, while its head has not confirmed the membership; else null or absent."
      },
      "committeeId": {
        "type": "string"
      },
      "active": {
        "type": "boolean",
        "description": "False while an invited user has not yet set a password."
      }
    },
    "required": [
      "id",
      "email",
      "displayName",
      "roles",
      "delegationId",
      "committeeId",
      "active"
    ],
    "description": "A user as the API shows them (the signed-in user, or the users of a committee)."
  },
  "WordAppliedView": {
    "type": "object",
    "properties": {
      "digest": {
        "type": "string",
        "description": "SHA-256 of the file, to send back when applying so that what is applied is what was previewed."
      },
      "roundTrip": {
        "type": "boolean"
      },
      "tracked": {
        "type": "boolean"
      },
      "paragraphs": {
        "type": "number"
      },
      "matched": {
        "type": "number"
      },
      "changes": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/WordChangeView"
        }
      },
      "unplaced": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/WordUnplaced"
        }
      },
      "applied": {
        "type": "number"
      }
    },
    "required": [
      "applied",
      "changes",
      "digest",
      "matched",
      "paragraphs",
      "roundTrip",
      "tracked",
      "unplaced"
    ],
    "description": "What applying a Word file did."
  },
  "WordChangeView": {
    "type": "object",
    "properties": {
      "key": {
        "type": "string"
      },
      "article": {
        "type": "string"
      },
      "label": {
        "type": "string"
      },
      "before": {
        "type": "string"
      },
      "after": {
        "type": "string"
      },
      "placedBy": {
        "type": "string",
        "enum": [
          "id",
          "number",
          "text"
        ],
        "description": "How the paragraph was placed on the block: by its hidden id, its number or its text."
      },
      "authors": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "edits": {
        "type": "number",
        "description": "Word's edits that go in (or went in) on top of the live text."
      },
      "conflicts": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "before": {
              "type": "string"
            },
            "word": {
              "type": "string"
            },
            "live": {
              "type": "string"
            }
          },
          "required": [
            "before",
            "word",
            "live"
          ]
        },
        "description": "Where members changed the same words since: Word's version, theirs, and the text both started from."
      }
    },
    "required": [
      "key",
      "article",
      "label",
      "before",
      "after",
      "placedBy",
      "authors",
      "edits",
      "conflicts"
    ],
    "description": "A change of one block the upload makes, as the preview shows it and the application reports it."
  },
  "WordPreviewView": {
    "type": "object",
    "properties": {
      "digest": {
        "type": "string",
        "description": "SHA-256 of the file, to send back when applying so that what is applied is what was previewed."
      },
      "roundTrip": {
        "type": "boolean"
      },
      "tracked": {
        "type": "boolean"
      },
      "paragraphs": {
        "type": "number"
      },
      "matched": {
        "type": "number"
      },
      "changes": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/WordChangeView"
        }
      },
      "unplaced": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/WordUnplaced"
        }
      }
    },
    "required": [
      "digest",
      "roundTrip",
      "tracked",
      "paragraphs",
      "matched",
      "changes",
      "unplaced"
    ],
    "description": "What Concord understood of an uploaded Word file."
  },
  "WordUnplaced": {
    "type": "object",
    "properties": {
      "paragraph": {
        "type": "number",
        "description": "Its position among the file's paragraphs, from 1."
      },
      "text": {
        "type": "string"
      },
      "code": {
        "type": "string",
        "enum": [
          "new-paragraph",
          "joined",
          "split",
          "unknown-id",
          "removed",
          "no-match"
        ],
        "description": "Why, as a code a client can put in words of its own."
      },
      "reason": {
        "type": "string"
      }
    },
    "required": [
      "paragraph",
      "text",
      "code",
      "reason"
    ],
    "description": "A paragraph of the Word file with changes that could not be placed in the space, and why."
  },
  "WrittenCommentStatus": {
    "type": "string",
    "enum": [
      "draft",
      "submitted",
      "superseded"
    ]
  },
  "WrittenCommentView": {
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "periodId": {
        "type": "string"
      },
      "number": {
        "type": [
          "number",
          "null"
        ]
      },
      "delegationId": {
        "type": "string"
      },
      "delegationCode": {
        "type": "string"
      },
      "delegationName": {
        "type": "string"
      },
      "commenterKind": {
        "type": "string"
      },
      "status": {
        "$ref": "#/components/schemas/WrittenCommentStatus"
      },
      "language": {
        "$ref": "#/components/schemas/Language"
      },
      "tier": {
        "$ref": "#/components/schemas/Tier"
      },
      "late": {
        "type": "boolean"
      },
      "supersedesId": {
        "type": [
          "string",
          "null"
        ]
      },
      "supersededById": {
        "type": [
          "string",
          "null"
        ]
      },
      "submittedAt": {
        "type": [
          "string",
          "null"
        ]
      },
      "publishedAt": {
        "type": [
          "string",
          "null"
        ]
      },
      "remarks": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/RemarkView"
        }
      },
      "textWarnings": {
        "type": "array",
        "items": {
          "type": "string"
        }
      }
    },
    "required": [
      "id",
      "periodId",
      "number",
      "delegationId",
      "delegationCode",
      "delegationName",
      "commenterKind",
      "status",
      "language",
      "tier",
      "late",
      "supersedesId",
      "supersededById",
      "submittedAt",
      "publishedAt",
      "remarks",
      "textWarnings"
    ],
    "description": "A written comment of a delegation or observer organization."
  }
};
