-- 手机端离线上传: the receipts of the grid worker's replayable changes (an action on a finding or a task, a
-- patrol's end), so that an upload sent again after a lost answer is answered 409 ALREADY_RECEIVED.
CREATE TABLE "grid_upload_receipts" (
	"user_id" integer NOT NULL,
	"client_key" text NOT NULL,
	"location" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "grid_upload_receipts_user_id_client_key_pk" PRIMARY KEY("user_id","client_key")
);
--> statement-breakpoint
ALTER TABLE "grid_upload_receipts" ADD CONSTRAINT "grid_upload_receipts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
