import { gridFindingsFollowCases } from './modules/grid/findings-follow-cases.js';
import { gridFindingsFollowHazards } from './modules/grid/findings-follow-hazards.js';
import { hazardDeadlineNotices } from './modules/hazards/hazard-deadline-notices.js';
import { classifierFeedbackOnReturn } from './modules/intelligence/classifier-feedback.js';
import { iotAlertEscalationNotices } from './modules/iot/alert-escalation-notices.js';
import { iotAlertsFollowCases } from './modules/iot/alerts-follow-cases.js';
import { marketOffersLive } from './modules/marketplace/offers-live.js';
import { casesFollowDisputes } from './modules/mediation/cases-follow-disputes.js';
import { disputeDeadlineNotices } from './modules/mediation/dispute-deadline-notices.js';
import { casesFollowPetitions } from './modules/petitions/cases-follow-petitions.js';
import { flaggedPetitionsLive } from './modules/petitions/flagged-petitions-live.js';
import { petitionDeadlineNotices } from './modules/petitions/petition-deadline-notices.js';
import type { OutboxSubscriber } from './platform/lifecycle/outbox-subscriber.js';

/**
 * The modules that react to lifecycle events besides notifications, fed by the outbox consumer in its batch
 * transaction: the classifier's training signal from returns of auto-dispatched cases; grid findings following
 * the cases they were reported up as and the hazards they were referred as; 12345 cases converted to disputes
 * following them to their end, and those converted to petitions concluded when they close; the mediators told of
 * their disputes' deadlines, the petition agents of their petitions', an enterprise and its supervising body of
 * its hazards'; device alerts cleared when their cases end, the staff of a level told of an alert escalated to
 * it; petitions flagged for a risk of escalation (or no longer) sent to the live stream for the wall; and a
 * merchant's desk rung for an offer.
 */
export const OUTBOX_SUBSCRIBERS: readonly OutboxSubscriber[] = [
  classifierFeedbackOnReturn,
  gridFindingsFollowCases,
  gridFindingsFollowHazards,
  casesFollowDisputes,
  casesFollowPetitions,
  disputeDeadlineNotices,
  petitionDeadlineNotices,
  hazardDeadlineNotices,
  iotAlertsFollowCases,
  iotAlertEscalationNotices,
  flaggedPetitionsLive,
  marketOffersLive,
];
