-- 设备在线: when the offline sweep found a device silent for two heartbeat intervals (null while online), so
-- that its maintenance alert (device_offline) is raised once per outage
ALTER TABLE "iot_devices" ADD COLUMN "offline_since" timestamp with time zone;
