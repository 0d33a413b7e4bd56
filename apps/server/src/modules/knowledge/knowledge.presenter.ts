import {
  isKnowledgeEntryValidOn,
  type KnowledgeEntry,
  type KnowledgeEntryAction,
  type PublicFaqItem,
  placeholdersOf,
  type ReplyTemplate,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { ScoredEntry } from './knowledge.service.js';
import type { ReplyTemplateRow } from './reply-templates.repository.js';

function entryActions(row: ScoredEntry, actor: Actor): KnowledgeEntryAction[] {
  if (!actor.permissions.has('knowledge.write')) return [];
  return row.active ? ['update', 'deactivate'] : ['update'];
}

/** A knowledge entry as staff see it, with whether it is offered today and what the caller may do. */
export function presentEntry(row: ScoredEntry, actor: Actor, today: string): KnowledgeEntry {
  return {
    id: row.id,
    question: row.question,
    answer: row.answer,
    categoryId: row.categoryId,
    categoryName: row.categoryName,
    tags: row.tags,
    validFrom: row.validFrom,
    validTo: row.validTo,
    active: row.active,
    validNow: isKnowledgeEntryValidOn(row, today),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdByName: row.createdByName,
    updatedByName: row.updatedByName,
    score: row.score === null ? null : Math.round(row.score * 10_000) / 10_000,
    actions: entryActions(row, actor),
  };
}

/** An entry as the citizen portal shows it: the question and the answer, nothing about who wrote it. */
export function presentPublicFaq(row: ScoredEntry): PublicFaqItem {
  return { id: row.id, question: row.question, answer: row.answer };
}

/** A reply template with the placeholders its body uses. */
export function presentTemplate(row: ReplyTemplateRow, actor: Actor): ReplyTemplate {
  return {
    id: row.id,
    name: row.name,
    categoryId: row.categoryId,
    categoryName: row.categoryName,
    body: row.body,
    placeholders: placeholdersOf(row.body),
    active: row.active,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    actions: actor.permissions.has('reply_template.write') ? ['update'] : [],
  };
}
