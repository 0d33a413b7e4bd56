import { isListDatatype } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { listOf, type Open311Record } from './open311-document.js';
import { findPublishedServices } from './open311-services.repository.js';
import {
  attributesOf,
  descriptionOf,
  groupOf,
  keywordsOf,
  loadPublishedService,
} from './open311-services.service.js';

/**
 * GET services: each published leaf as a service — its catalog code and name, its description and keywords,
 * its group, whether it has attributes to ask (`metadata`), and `realtime`: the case number is answered at
 * once.
 */
export async function listOpen311Services(ctx: AppContext): Promise<Open311Record[]> {
  return (await findPublishedServices(ctx.db)).map((row) => ({
    service_code: row.code,
    service_name: row.name,
    description: descriptionOf(row),
    metadata: attributesOf(row).length > 0,
    type: 'realtime',
    keywords: keywordsOf(row),
    group: groupOf(row),
  }));
}

/** GET services/{service_code}: the service's attributes in order, with the standard's datatypes. */
export async function open311ServiceDefinition(ctx: AppContext, code: string): Promise<Open311Record> {
  const service = await loadPublishedService(ctx, code);
  return {
    service_code: service.code,
    attributes: listOf(
      'attribute',
      attributesOf(service).map((attribute, i) => ({
        variable: attribute.variable,
        code: attribute.code,
        datatype: attribute.datatype,
        required: attribute.required,
        datatype_description: attribute.datatypeDescription ?? null,
        order: i + 1,
        description: attribute.description,
        ...(isListDatatype(attribute.datatype)
          ? {
              values: listOf(
                'value',
                attribute.values.map((v) => ({ key: v.key, name: v.name })),
              ),
            }
          : {}),
      })),
    ),
  };
}
