import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case-management domain (issue 5): companies, agreements and seats, mentors, citizens, and
 * placements (cases) with goals, progress, follow-ups and outcomes. Enumerations are text with
 * CHECK constraints so a new value is one readable ALTER.
 */
export class CaseworkDomain1764058000000 implements MigrationInterface {
  name = 'CaseworkDomain1764058000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE casework.company (
        id uuid PRIMARY KEY,
        cvr char(8) NOT NULL UNIQUE CHECK (cvr ~ '^[1-9][0-9]{7}$'),
        name text NOT NULL,
        industry_code text,
        industry text NOT NULL,
        sector text NOT NULL CHECK (sector IN ('PRIVATE', 'PUBLIC')),
        status text NOT NULL CHECK (status IN ('PROSPECT', 'ACTIVE', 'INACTIVE')),
        address text,
        postcode char(4) NOT NULL,
        municipality text NOT NULL,
        cluster text,
        ordinary_fte numeric(8, 2) NOT NULL CHECK (ordinary_fte >= 0),
        other_supported_fte numeric(8, 2) NOT NULL DEFAULT 0 CHECK (other_supported_fte >= 0),
        contact_consultant text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX company_name_idx ON casework.company (lower(name))');
    await db.query('CREATE INDEX company_municipality_idx ON casework.company (lower(municipality))');

    await db.query(`
      CREATE TABLE casework.worksite (
        id uuid PRIMARY KEY,
        company_id uuid NOT NULL REFERENCES casework.company (id),
        p_number char(10) NOT NULL UNIQUE CHECK (p_number ~ '^[0-9]{10}$'),
        name text NOT NULL,
        address text,
        postcode char(4) NOT NULL,
        municipality text NOT NULL,
        ordinary_fte numeric(8, 2) NOT NULL CHECK (ordinary_fte >= 0),
        other_supported_fte numeric(8, 2) NOT NULL DEFAULT 0 CHECK (other_supported_fte >= 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE casework.outreach_activity (
        id uuid PRIMARY KEY,
        company_id uuid NOT NULL REFERENCES casework.company (id),
        worksite_id uuid REFERENCES casework.worksite (id),
        type text NOT NULL CHECK (type IN ('VISIT', 'CALL', 'MEETING', 'EMAIL', 'EVENT')),
        occurred_on date NOT NULL,
        consultant text NOT NULL,
        campaign text,
        outcomes jsonb NOT NULL DEFAULT '[]',
        note text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      'CREATE INDEX outreach_activity_company_idx ON casework.outreach_activity (company_id, occurred_on)',
    );

    await db.query(`
      CREATE TABLE casework.mentor (
        id uuid PRIMARY KEY,
        company_id uuid NOT NULL REFERENCES casework.company (id),
        name text NOT NULL,
        email text,
        phone text,
        kind text NOT NULL CHECK (kind IN ('EMPLOYEE', 'EXTERNAL')),
        training_state text NOT NULL CHECK (training_state IN ('NOT_TRAINED', 'ENROLLED', 'TRAINED', 'REFRESHER_DUE')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX mentor_company_idx ON casework.mentor (company_id)');

    await db.query(`
      CREATE TABLE casework.mentor_course (
        id uuid PRIMARY KEY,
        mentor_id uuid NOT NULL REFERENCES casework.mentor (id),
        course_name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('BASIC', 'REFRESHER')),
        enrolled_on date NOT NULL,
        completed_on date CHECK (completed_on >= enrolled_on),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX mentor_course_mentor_idx ON casework.mentor_course (mentor_id)');

    await db.query(`
      CREATE TABLE casework.agreement (
        id uuid PRIMARY KEY,
        company_id uuid NOT NULL REFERENCES casework.company (id),
        worksite_id uuid REFERENCES casework.worksite (id),
        collaboration_model smallint NOT NULL CHECK (collaboration_model BETWEEN 1 AND 4),
        status text NOT NULL CHECK (status IN ('DRAFT', 'NEGOTIATING', 'ACTIVE', 'SUSPENDED', 'EXPIRED', 'TERMINATED')),
        valid_from date NOT NULL,
        valid_to date CHECK (valid_to >= valid_from),
        mentor_payment text NOT NULL CHECK (mentor_payment IN ('NONE', 'BUYOUT_HOURS', 'EXTERNAL')),
        coordinating_mentor_id uuid REFERENCES casework.mentor (id),
        contact_consultant text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX agreement_company_idx ON casework.agreement (company_id)');

    await db.query(`
      CREATE TABLE casework.citizen (
        id uuid PRIMARY KEY,
        cpr_ciphertext bytea NOT NULL,
        cpr_lookup bytea NOT NULL UNIQUE,
        first_name text NOT NULL,
        last_name text NOT NULL,
        postcode char(4) NOT NULL,
        municipality text NOT NULL,
        competences text[] NOT NULL DEFAULT '{}',
        wishes text[] NOT NULL DEFAULT '{}',
        job_goal text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE casework.target_group_assignment (
        id uuid PRIMARY KEY,
        citizen_id uuid NOT NULL REFERENCES casework.citizen (id),
        group_code smallint NOT NULL CHECK (group_code BETWEEN 1 AND 13),
        scheme_version text NOT NULL,
        valid_from date NOT NULL,
        valid_to date CHECK (valid_to > valid_from),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      'CREATE INDEX target_group_assignment_citizen_idx ON casework.target_group_assignment (citizen_id, valid_from)',
    );

    await db.query(`
      CREATE TABLE casework.seat (
        id uuid PRIMARY KEY,
        agreement_id uuid NOT NULL REFERENCES casework.agreement (id),
        function text NOT NULL,
        tasks text[] NOT NULL DEFAULT '{}',
        weekly_hours numeric(4, 1) NOT NULL CHECK (weekly_hours > 0 AND weekly_hours <= 37),
        state text NOT NULL CHECK (state IN ('AVAILABLE', 'RESERVED', 'OCCUPIED', 'PAUSED', 'RETIRED')),
        vacant_since date,
        placement_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- A taken seat names its placement; a free one does not.
        CHECK ((state IN ('RESERVED', 'OCCUPIED')) = (placement_id IS NOT NULL))
      )`);
    await db.query('CREATE INDEX seat_agreement_idx ON casework.seat (agreement_id, state)');
    // One seat per placement at a time: a retried reservation cannot take a second seat.
    await db.query(
      'CREATE UNIQUE INDEX seat_placement_uq ON casework.seat (placement_id) WHERE placement_id IS NOT NULL',
    );

    await db.query(`
      CREATE TABLE casework.placement (
        id uuid PRIMARY KEY,
        citizen_id uuid NOT NULL REFERENCES casework.citizen (id),
        stage text NOT NULL CHECK (stage IN ('REFERRED', 'MATCHING', 'AWAITING_AGREEMENT', 'MENTOR_TRAINING',
          'READY_TO_START', 'IN_PRACTICUM', 'FOLLOW_UP', 'CLOSED')),
        stage_changed_at timestamptz NOT NULL DEFAULT now(),
        caseworker text,
        purpose text CHECK (purpose IN ('ORDINARY_HOURS', 'TRAIN_SKILLS', 'CLARIFY_JOB_GOAL')),
        company_id uuid REFERENCES casework.company (id),
        seat_id uuid REFERENCES casework.seat (id),
        mentor_id uuid REFERENCES casework.mentor (id),
        weekly_hours numeric(4, 1) CHECK (weekly_hours > 0),
        start_date date,
        planned_end_date date CHECK (planned_end_date >= start_date),
        extension_reason text,
        started_on date,
        ended_on date,
        target_group smallint,
        progress_review_interval_days smallint NOT NULL CHECK (progress_review_interval_days > 0),
        last_progress_review_on date,
        rule_versions jsonb NOT NULL DEFAULT '{}',
        process_instance_key text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX placement_stage_idx ON casework.placement (stage, stage_changed_at)');
    await db.query('CREATE INDEX placement_citizen_idx ON casework.placement (citizen_id)');
    await db.query(
      'ALTER TABLE casework.seat ADD CONSTRAINT seat_placement_fk FOREIGN KEY (placement_id) REFERENCES casework.placement (id)',
    );

    await db.query(`
      CREATE TABLE casework.goal (
        id uuid PRIMARY KEY,
        placement_id uuid NOT NULL REFERENCES casework.placement (id),
        title text NOT NULL,
        description text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX goal_placement_idx ON casework.goal (placement_id)');

    await db.query(`
      CREATE TABLE casework.sub_goal (
        id uuid PRIMARY KEY,
        goal_id uuid NOT NULL REFERENCES casework.goal (id),
        title text NOT NULL,
        due_on date,
        state text NOT NULL CHECK (state IN ('NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED', 'DROPPED')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX sub_goal_goal_idx ON casework.sub_goal (goal_id)');

    await db.query(`
      CREATE TABLE casework.progress_review (
        id uuid PRIMARY KEY,
        placement_id uuid NOT NULL REFERENCES casework.placement (id),
        reviewed_on date NOT NULL,
        recorded_by text NOT NULL,
        summary text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (placement_id, reviewed_on)
      )`);

    await db.query(`
      CREATE TABLE casework.progress_entry (
        id uuid PRIMARY KEY,
        sub_goal_id uuid NOT NULL REFERENCES casework.sub_goal (id),
        progress_review_id uuid REFERENCES casework.progress_review (id),
        recorded_on date NOT NULL,
        assessment smallint NOT NULL CHECK (assessment BETWEEN 1 AND 5),
        note text,
        recorded_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX progress_entry_sub_goal_idx ON casework.progress_entry (sub_goal_id, recorded_on)');

    await db.query(`
      CREATE TABLE casework.follow_up (
        id uuid PRIMARY KEY,
        placement_id uuid NOT NULL REFERENCES casework.placement (id),
        kind text NOT NULL CHECK (kind IN ('START', 'MIDWAY', 'END', 'POST_3M', 'POST_6M', 'POST_12M')),
        due_on date,
        done_on date,
        result text,
        recorded_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (placement_id, kind)
      )`);

    await db.query(`
      CREATE TABLE casework.outcome (
        id uuid PRIMARY KEY,
        placement_id uuid NOT NULL UNIQUE REFERENCES casework.placement (id),
        kind text NOT NULL CHECK (kind IN ('HIRED_ORDINARY', 'HIRED_WAGE_SUBSIDY', 'HIRED_FLEX_JOB', 'REASSIGNED',
          'ENDED_WITHOUT_HIRE')),
        reason text,
        weekly_hours numeric(4, 1),
        at_host_company boolean,
        recorded_on date NOT NULL,
        recorded_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (kind NOT IN ('REASSIGNED', 'ENDED_WITHOUT_HIRE') OR reason IS NOT NULL)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'outcome',
      'follow_up',
      'progress_entry',
      'progress_review',
      'sub_goal',
      'goal',
      'seat',
      'placement',
      'target_group_assignment',
      'citizen',
      'agreement',
      'mentor_course',
      'mentor',
      'outreach_activity',
      'worksite',
      'company',
    ]) {
      await db.query(`DROP TABLE IF EXISTS casework.${table} CASCADE`);
    }
  }
}
