import { buildApp } from './app.js';
import { startAuthPurgeJob } from './modules/auth/jobs/auth-purge.job.js';
import { importMissingShippedYears } from './modules/calendar/shipped-calendar.js';
import { runSlaScan, SLA_SCAN_INTERVAL_MS } from './modules/cases/jobs/sla-scan.job.js';
import { runTimelineCheck, TIMELINE_CHECK_INTERVAL_MS } from './modules/cases/jobs/timeline-check.job.js';
import { sealLegacyChains } from './modules/cases/legacy-chains.js';
import { assertDemoAccountsNotExposed } from './modules/demo/demo-accounts-exposure.js';
import { startHistoryInBackground } from './modules/demo/history/history-runs.js';
import { isDatabaseEmpty, seedDemo } from './modules/demo/seed-demo.js';
import {
  HAZARD_LIGHT_SCAN_INTERVAL_MS,
  runHazardLightScan,
} from './modules/hazards/jobs/hazard-light-scan.job.js';
import { startModelJobs, trainInitialModel } from './modules/intelligence/model-jobs.js';
import { refreshModels } from './modules/intelligence/model-registry.js';
import { runWarningsJob, WARNINGS_INTERVAL_MS } from './modules/intelligence/warnings/warnings.job.js';
import { ALERT_ESCALATION_INTERVAL_MS, runAlertEscalation } from './modules/iot/jobs/alert-escalation.job.js';
import { startDeviceOfflineSweepJob } from './modules/iot/jobs/device-offline-sweep.job.js';
import { startMqttSubscriber } from './modules/iot/mqtt-subscriber.js';
import { OFFER_EXPIRY_INTERVAL_MS, runOfferExpiry } from './modules/marketplace/jobs/offer-expiry.job.js';
import {
  DISPUTE_LIGHT_SCAN_INTERVAL_MS,
  runDisputeLightScan,
} from './modules/mediation/jobs/dispute-light-scan.job.js';
import { startOutboxDispatcher } from './modules/notifications/jobs/outbox-dispatcher.js';
import { purgeEndedOpen311Throttles } from './modules/open311/open311-keys.service.js';
import {
  PETITION_LIGHT_SCAN_INTERVAL_MS,
  runPetitionLightScan,
} from './modules/petitions/jobs/petition-light-scan.job.js';
import {
  PORTAL_GUARD_PURGE_INTERVAL_MS,
  purgePortalGuard,
} from './modules/portal/jobs/portal-guard-purge.job.js';
import { REPORT_JOB_INTERVAL_MS, runReportSchedule } from './modules/reports/jobs/report-schedule.job.js';
import { installFirstAdmin } from './modules/users/first-admin.js';
import { grantNewDefaultPermissions } from './modules/users/role-grants.js';
import { OUTBOX_SUBSCRIBERS } from './outbox-subscribers.js';
import { closeContext, openContext } from './platform/bootstrap.js';
import type { Config } from './platform/config/config.js';
import type { AppContext } from './platform/context.js';
import { type PeriodicJob, startPeriodicJob } from './platform/jobs/periodic-job.js';

/** The background jobs every server process runs; each is safe to run in several processes at once. */
function startBackgroundJobs(ctx: AppContext): PeriodicJob[] {
  return [
    startPeriodicJob(ctx.logger, 'sla-scan', SLA_SCAN_INTERVAL_MS, () => runSlaScan(ctx)),
    startPeriodicJob(ctx.logger, 'dispute-light-scan', DISPUTE_LIGHT_SCAN_INTERVAL_MS, () =>
      runDisputeLightScan(ctx),
    ),
    startPeriodicJob(ctx.logger, 'petition-light-scan', PETITION_LIGHT_SCAN_INTERVAL_MS, () =>
      runPetitionLightScan(ctx),
    ),
    startPeriodicJob(ctx.logger, 'hazard-light-scan', HAZARD_LIGHT_SCAN_INTERVAL_MS, () =>
      runHazardLightScan(ctx),
    ),
    startPeriodicJob(ctx.logger, 'warnings', WARNINGS_INTERVAL_MS, () => runWarningsJob(ctx)),
    startPeriodicJob(ctx.logger, 'timeline-check', TIMELINE_CHECK_INTERVAL_MS, () => runTimelineCheck(ctx)),
    startAuthPurgeJob(ctx),
    startOutboxDispatcher(ctx, { subscribers: OUTBOX_SUBSCRIBERS }),
    startPeriodicJob(ctx.logger, 'portal-guard-purge', PORTAL_GUARD_PURGE_INTERVAL_MS, () =>
      purgePortalGuard(ctx),
    ),
    startPeriodicJob(ctx.logger, 'open311-throttle-purge', 3_600_000, () => purgeEndedOpen311Throttles(ctx)),
    startPeriodicJob(ctx.logger, 'market-offer-expiry', OFFER_EXPIRY_INTERVAL_MS, () => runOfferExpiry(ctx)),
    startPeriodicJob(ctx.logger, 'iot-alert-escalation', ALERT_ESCALATION_INTERVAL_MS, () =>
      runAlertEscalation(ctx),
    ),
    ...startModelJobs(ctx),
    startDeviceOfflineSweepJob(ctx),
    // 智安小区 over MQTT, beside the signed HTTP path, when a broker is configured
    ...(ctx.config.MQTT_URL
      ? [
          startMqttSubscriber(ctx, {
            url: ctx.config.MQTT_URL,
            clientId: ctx.config.MQTT_CLIENT_ID,
            consumers: ctx.config.MQTT_CONSUMERS,
          }),
        ]
      : []),
  ];
}

/**
 * Starts the platform: migrate, seed the demo city on a first start of the embedded database, serve HTTP,
 * and shut down gracefully on SIGINT/SIGTERM (stop taking connections, finish requests, close the database).
 */
export async function serve(config: Config): Promise<void> {
  const startedAt = Date.now();
  const ctx = await openContext(config);
  const firstStart =
    config.SHANZHI_AUTO_SEED && ctx.database.kind === 'pglite' && (await isDatabaseEmpty(ctx));
  if (firstStart) {
    ctx.logger.info('empty embedded database: seeding the Wuhai demo city');
    await seedDemo(ctx);
  }
  await importMissingShippedYears(ctx);
  await grantNewDefaultPermissions(ctx);
  await installFirstAdmin(ctx);
  await assertDemoAccountsNotExposed(ctx);
  await sealLegacyChains(ctx);
  await refreshModels(ctx);
  const { app } = await buildApp(ctx);
  await app.listen({ port: config.PORT, host: config.HOST });
  const jobs = startBackgroundJobs(ctx);
  // the first classifier trains in a worker while the platform already serves (智能派单 starts when it is ready)
  trainInitialModel(ctx).catch((error: unknown) =>
    ctx.logger.error({ err: error }, 'training the first classifier failed'),
  );
  const history =
    ctx.database.kind === 'pglite' ? await startHistoryInBackground(ctx, firstStart) : undefined;
  // scheduled reports are kept for good: a demo city's first ones wait until its year of history is written
  let stopping = false;
  let reportJob: PeriodicJob | undefined;
  void (history?.finished ?? Promise.resolve()).then(() => {
    if (!stopping) {
      reportJob = startPeriodicJob(ctx.logger, 'reports', REPORT_JOB_INTERVAL_MS, () =>
        runReportSchedule(ctx),
      );
    }
  });
  ctx.logger.info(
    { port: config.PORT, startupMs: Date.now() - startedAt },
    `shanzhi is up at http://localhost:${config.PORT}`,
  );

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    ctx.logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    await app.close();
    await Promise.all([...jobs.map((job) => job.stop()), history?.stop(), reportJob?.stop()]);
    await closeContext(ctx);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
