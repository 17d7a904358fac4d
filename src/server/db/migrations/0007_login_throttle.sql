CREATE TABLE "login_familiar_address" (
	"username" text NOT NULL,
	"address" text NOT NULL,
	"last_sign_in_at" timestamp with time zone NOT NULL,
	CONSTRAINT "login_familiar_address_username_address_pk" PRIMARY KEY("username","address")
);
--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failure_at" timestamp with time zone,
	"locked_until" timestamp with time zone,
	CONSTRAINT "login_throttle_kind_subject_pk" PRIMARY KEY("kind","subject"),
	CONSTRAINT "login_throttle_kind" CHECK ("login_throttle"."kind" in ('username', 'address'))
);
--> statement-breakpoint
ALTER TABLE "login_familiar_address" ADD CONSTRAINT "login_familiar_address_username_app_user_username_fk" FOREIGN KEY ("username") REFERENCES "public"."app_user"("username") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "login_throttle_last_failure" ON "login_throttle" USING btree ("last_failure_at");