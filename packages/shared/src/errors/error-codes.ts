/**
 * Stable error codes. Clients key on these, so a code is never renamed or reused; add new ones instead.
 * The HTTP status of each lives beside it so that the server and the web app agree on it.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  MALFORMED_REQUEST: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  FORBIDDEN: 403,
  /** a state-changing request made with the session cookie from another site's page (CSRF) */
  CSRF_REJECTED: 403,
  OUT_OF_SCOPE: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  ORG_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  CATEGORY_NOT_FOUND: 404,
  CALENDAR_YEAR_NOT_FOUND: 404,
  POINT_OUTSIDE_CITY: 404,
  CASE_NOT_FOUND: 404,
  /** an attachment that does not exist */
  ATTACHMENT_NOT_FOUND: 404,
  /** a notification that does not exist or is someone else's */
  NOTIFICATION_NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE_CODE: 409,
  DUPLICATE_USERNAME: 409,
  ORG_CYCLE: 409,
  ORG_HAS_ACTIVE_CHILDREN: 409,
  ORG_KIND_NOT_ALLOWED: 400,
  INVALID_GEOMETRY: 400,
  INVALID_CALENDAR: 400,
  /** an export whose filter matches more rows than one file may hold: narrow the filter */
  EXPORT_TOO_LARGE: 400,
  VERSION_CONFLICT: 409,
  TRANSITION_NOT_ALLOWED: 409,
  /** a return after the acceptance limit ran out */
  RETURN_WINDOW_CLOSED: 409,
  /** an extension asked for twice, beyond the maximum, or approved/refused with none pending */
  EXTENSION_NOT_ALLOWED: 409,
  /** a merge into itself, into a merged, closed or void case, or an unmerge of a case not merged */
  MERGE_NOT_ALLOWED: 409,
  /** an escalation from the top of the tree */
  ESCALATION_NOT_POSSIBLE: 409,
  /** grid management: what a grid worker or a grid's task refers to does not exist (or is out of reach) */
  PATROL_NOT_FOUND: 404,
  FINDING_NOT_FOUND: 404,
  TASK_NOT_FOUND: 404,
  /** a service order that does not exist, or whose 查询码 does not match */
  MARKET_ORDER_NOT_FOUND: 404,
  /** an offer that already passed to another merchant, ran out, or was never his */
  OFFER_NOT_CURRENT: 409,
  /** a rating more than 7 days after completion */
  RATING_WINDOW_CLOSED: 409,
  /** a merchant offered an order he may not take: not approved, not offering its item or not covering its place */
  MERCHANT_NOT_ELIGIBLE: 409,
  /** an action that does not fit the order's item: 挪车 to a merchant, or 联系车主 for a merchant's service */
  MARKET_ITEM_MISMATCH: 409,
  /** a merchant or a service item that does not exist (or a merchant out of the reviewer's reach) */
  MARKET_MERCHANT_NOT_FOUND: 404,
  MARKET_ITEM_NOT_FOUND: 404,
  PHOTO_NOT_FOUND: 404,
  /** patrolling and reporting from a grid is for the staff of a grid */
  NOT_GRID_STAFF: 403,
  /** a patrol started while the worker's last one is still going: resume or end it first */
  PATROL_IN_PROGRESS: 409,
  /** points or an end sent for a patrol already ended */
  PATROL_ENDED: 409,
  /**
   * an upload whose `Idempotency-Key` was already received (a phone's retry): nothing new was created; the
   * `Location` header names the record the first upload made
   */
  ALREADY_RECEIVED: 409,
  /** a task for an item off the grid admission list (网格事项准入): nothing off the list is pushed onto a grid */
  NOT_ON_ADMISSION_LIST: 400,
  /** an Open311 call without an API key where one is needed, or with a key unknown or revoked */
  API_KEY_INVALID: 403,
  /** an API key the console asked about that does not exist */
  API_KEY_NOT_FOUND: 404,
  /** an Open311 `service_code` that names no published service */
  SERVICE_NOT_FOUND: 404,
  /** the grid's registers: a house, resident, organisation or visit that does not exist (or is out of reach) */
  HOUSE_NOT_FOUND: 404,
  RESIDENT_NOT_FOUND: 404,
  ORGANISATION_NOT_FOUND: 404,
  VISIT_NOT_FOUND: 404,
  /** a house, resident (by ID number) or organisation the register already holds: duplicates are refused */
  ALREADY_REGISTERED: 409,
  /**
   * an Excel import with rows that cannot be taken (bad ID check digit, duplicate, unknown grid …): nothing was
   * imported; `fields` names each row (`rows.<row>.<column>`, the row as the spreadsheet numbers it)
   */
  IMPORT_ROWS_INVALID: 400,
  /** mediation: a dispute, committee or mediator that does not exist (or is out of reach) */
  DISPUTE_NOT_FOUND: 404,
  COMMITTEE_NOT_FOUND: 404,
  MEDIATOR_NOT_FOUND: 404,
  /** a mediator assigned from another committee than the one named */
  MEDIATOR_NOT_IN_COMMITTEE: 400,
  /** a judicial confirmation applied for more than 30 days after the agreement took effect (人民调解法 art. 33) */
  CONFIRMATION_WINDOW_CLOSED: 409,
  /** identity, adoption and marriage relations cannot be judicially confirmed (法释〔2011〕5号) */
  CONFIRMATION_NOT_AVAILABLE: 409,
  /** a ruling recorded with no application, or out of order (a ruling before acceptance …) */
  CONFIRMATION_STAGE_INVALID: 409,
  /** the online room of a dispute is for its mediator and its parties only */
  NOT_A_PARTY: 403,
  /** a room access code that does not match the dispute's number, or has expired */
  ROOM_CODE_INVALID: 401,
  /** too many wrong room codes for one dispute number: entering its room is locked for a while */
  ROOM_CODE_LOCKED: 429,
  /** the SMS gateway did not take a message (a room code): that party's code never reached him, issue again */
  SMS_NOT_SENT: 503,
  /** a 12345 case converted to a dispute twice */
  ALREADY_CONVERTED: 409,
  /** a committee's name taken, or a second territorial committee at one org */
  COMMITTEE_EXISTS: 409,
  /** a user added twice to one committee's mediators */
  ALREADY_A_MEDIATOR: 409,
  /** a mediator removed while disputes are still in his hands */
  MEDIATOR_HAS_DISPUTES: 409,
  /** petition agency: a petition that does not exist (or is out of reach) */
  PETITION_NOT_FOUND: 404,
  /** a review (复查) asked after the window following the answer has closed (信访工作条例 art. 35) */
  PETITION_REVIEW_WINDOW_CLOSED: 409,
  /** a re-review (复核) asked after the window following the review's answer has closed (art. 35) */
  PETITION_RE_REVIEW_WINDOW_CLOSED: 409,
  /** a second review asked: after a review only a re-review may be asked (art. 35) */
  PETITION_ALREADY_REVIEWED: 409,
  /** a third request after the re-review: the same facts and reasons are not accepted again (art. 35) */
  PETITION_REVIEWS_EXHAUSTED: 409,
  /** extensions of the answer limit beyond the maximum in all (art. 32) */
  PETITION_EXTENSION_EXCEEDED: 409,
  /** a 委托代办书 asked for a petition not registered under 委托 */
  PETITION_NOT_ENTRUSTED: 404,
  /** 风险预警: a petition already flagged is not flagged again (lift it first) */
  PETITION_RISK_ALREADY_FLAGGED: 409,
  /** 风险预警: only a flagged petition's flag is lifted */
  PETITION_RISK_NOT_FLAGGED: 409,
  /** 认领: a petition that already has its agent is not taken again */
  PETITION_ALREADY_TAKEN: 409,
  /** 待认领: a portal petition is accepted or refused only once an agent of its point has taken it */
  PETITION_AWAITING_AGENT: 409,
  /** the signed 委托代办书 asked for before its scan was uploaded */
  PETITION_ENTRUSTMENT_NOT_SIGNED: 404,
  /** a report (每日汇总·每周研判·每月总结) that does not exist (or is out of reach) */
  REPORT_NOT_FOUND: 404,
  /** a report's documents asked for while it is still being produced: ask again when its status is ready */
  REPORT_NOT_READY: 409,
  /** a report's documents asked for after its generation failed: request the report again */
  REPORT_FAILED: 409,
  /** safety production: an enterprise, inspection or hazard that does not exist (or is out of reach) */
  ENTERPRISE_NOT_FOUND: 404,
  INSPECTION_NOT_FOUND: 404,
  HAZARD_NOT_FOUND: 404,
  /** 专项排查: a campaign that does not exist (or is out of reach) */
  CAMPAIGN_NOT_FOUND: 404,
  /** an inspection within a campaign by someone who is not one of its inspectors */
  NOT_CAMPAIGN_INSPECTOR: 403,
  /** an enterprise registered twice under one 统一社会信用代码 */
  DUPLICATE_CREDIT_CODE: 409,
  /** an enterprise's report of a period signed twice */
  REPORT_ALREADY_CONFIRMED: 409,
  /** a report signed before its period ended, or by an account linked to no enterprise */
  REPORT_NOT_CONFIRMABLE: 409,
  /** an action for the other level (当场销号 of a major hazard, 验收 of a general one …) */
  HAZARD_LEVEL_MISMATCH: 409,
  /** a step the supervising body takes (交办, 验收, 延期审批) by staff whose scope does not hold it */
  NOT_SUPERVISING_BODY: 403,
  /** a major hazard reported rectified without its 治理方案 */
  HAZARD_PLAN_REQUIRED: 409,
  /** an extension asked for after the deadline passed (令第16号: it must be asked before) */
  DEADLINE_PASSED: 409,
  /** smart-safe estates: an estate, device, alert or rule that does not exist (or is out of reach) */
  IOT_ESTATE_NOT_FOUND: 404,
  IOT_DEVICE_NOT_FOUND: 404,
  IOT_ALERT_NOT_FOUND: 404,
  IOT_RULE_NOT_FOUND: 404,
  /** a rule whose scope (types, estate, time of day) overlaps another's at the same specificity */
  IOT_RULE_SCOPE_TAKEN: 409,
  /** a rule that would never let an alert go quiet: its suppression window is not shorter than its escalation */
  IOT_RULE_LOOP: 409,
  /** the general rule of a device type and alert type: it may be edited, not deleted */
  IOT_RULE_GENERAL: 409,
  /** a device registered under a serial already taken */
  DUPLICATE_DEVICE_SERIAL: 409,
  /** an estate registered under a name its community already has */
  DUPLICATE_ESTATE_NAME: 409,
  /** a device message without the signing headers, or naming no registered device */
  DEVICE_UNKNOWN: 401,
  /** a device message whose signature does not verify under the device's secret */
  SIGNATURE_INVALID: 401,
  /** a device message signed more than 5 minutes away from the platform's clock */
  TIMESTAMP_STALE: 401,
  /** a device message whose signed timestamp was used before (a replay) */
  TIMESTAMP_REPLAYED: 409,
  /** an alert of a type the device's type cannot raise (a smoke detector reporting a plate …) */
  ALERT_TYPE_NOT_ALLOWED: 422,
  RATE_LIMITED: 429,
  /** too many wrong phones for one case number on the portal: its tracking is locked for a while */
  TRACKING_LOCKED: 429,
  /** the portal asks for the answer of a captcha (`GET /api/v1/portal/captcha`) before trying again */
  CAPTCHA_REQUIRED: 400,
  INTERNAL: 500,
  NOT_READY: 503,
} as const;

/** One of the stable error codes. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** A field that failed validation: its path in the input and why. */
export interface FieldError {
  /** dotted path of the field, e.g. `boundary.coordinates.0` */
  field: string;
  /** machine-readable reason (zod issue code or a domain code) */
  code: string;
  /** a sentence for people */
  message: string;
}

/** The body of every error answer of the API. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    fields?: FieldError[];
  };
}
