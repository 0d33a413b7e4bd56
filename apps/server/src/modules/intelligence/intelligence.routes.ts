import {
  ClassifyInput,
  ClassifyResult,
  isUncertainSuggestion,
  SUGGESTION_CONFIDENCE_FLOOR,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { classifyMessage } from './classify.service.js';

const tags = ['intelligence'];

/** The classifier in the flow: 智能分类 / 派单建议 / 110 识别 for a message before it is registered. */
export function registerIntelligenceRoutes(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/intelligence/classify',
    {
      config: { permission: 'intelligence.classify' },
      schema: {
        tags,
        summary:
          '智能分类 Top categories, suggested unit and 110 flag of a message (modelVersion null: no model yet)',
        body: ClassifyInput,
        response: { 200: ClassifyResult, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const result = await classifyMessage(ctx, request.body);
      return {
        categories: result.categories,
        unit: result.unit,
        police: result.police,
        modelVersion: result.modelVersion,
        uncertain: isUncertainSuggestion(result.categories[0]?.probability),
        confidenceFloor: SUGGESTION_CONFIDENCE_FLOOR,
      };
    },
  );
}
