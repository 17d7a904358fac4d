CREATE TABLE "assembly_bom_component" (
	"parent_item_no" text NOT NULL,
	"line_no" integer NOT NULL,
	"type" text DEFAULT 'item' NOT NULL,
	"no" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"quantity_per" numeric(18, 5) NOT NULL,
	"unit_of_measure_code" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assembly_bom_component_parent_item_no_line_no_pk" PRIMARY KEY("parent_item_no","line_no"),
	CONSTRAINT "assembly_bom_component_type" CHECK ("assembly_bom_component"."type" = 'item'),
	CONSTRAINT "assembly_bom_component_quantity" CHECK ("assembly_bom_component"."quantity_per" > 0)
);
--> statement-breakpoint
ALTER TABLE "assembly_bom_component" ADD CONSTRAINT "assembly_bom_component_parent_item_no_item_no_fk" FOREIGN KEY ("parent_item_no") REFERENCES "public"."item"("no") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assembly_bom_component" ADD CONSTRAINT "assembly_bom_component_no_item_no_fk" FOREIGN KEY ("no") REFERENCES "public"."item"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assembly_bom_component" ADD CONSTRAINT "assembly_bom_component_unit_of_measure_code_unit_of_measure_code_fk" FOREIGN KEY ("unit_of_measure_code") REFERENCES "public"."unit_of_measure"("code") ON DELETE no action ON UPDATE no action;