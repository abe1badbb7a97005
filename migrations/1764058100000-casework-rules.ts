import { MigrationInterface, QueryRunner } from 'typeorm';

interface RuleRow {
  ruleId: string;
  version: number;
  title: string;
  params: Record<string, unknown>;
  effectiveFrom: string;
  effectiveTo: string | null;
  citation: string;
  source: string;
  verification: 'V' | 'P' | 'U' | 'LOCAL';
  enforced: boolean;
}

const THIRTEEN_WEEK_GROUPS = [3, 5, 6, 7, 8, 9, 10, 11];

/**
 * The rules in force as data (docs/rules.md; shared/domain/glossary-and-rules.md §3). A change in
 * law is a new row with a new version and dates, never an edit of an old one: decisions keep the
 * version they were taken under. LAB 2019 is in force from 1 January 2020.
 */
export const RULES: RuleRow[] = [
  {
    ruleId: 'VP-DUR-1',
    version: 1,
    title: 'Practicum maximum length, 4 weeks',
    params: { maxWeeks: 4, targetGroups: [1, 2, 4] },
    effectiveFrom: '2020-01-01',
    effectiveTo: null,
    citation: 'LAB §61 stk. 1 nr. 1',
    source:
      'Lov om en aktiv beskæftigelsesindsats §61 stk. 1 nr. 1 (LBK 280 of 1 Mar 2024); kk.dk om virksomhedspraktik',
    verification: 'P',
    enforced: true,
  },
  {
    ruleId: 'VP-DUR-2',
    version: 1,
    title: 'Practicum maximum length, 8 weeks, for recent graduates on dagpenge',
    params: { maxWeeks: 8, appliesTo: 'dagpenge dimittend with at least a short higher education and no job since' },
    effectiveFrom: '2021-05-16',
    effectiveTo: null,
    citation: 'STAR 2021 (dimittendforsøg)',
    source: 'star.dk news May 2021 "Dimittender får mulighed for længere virksomhedspraktik"; kk.dk',
    verification: 'P',
    enforced: false,
  },
  {
    ruleId: 'VP-DUR-3',
    version: 1,
    title: 'Practicum maximum length, 13 weeks',
    params: { maxWeeks: 13, targetGroups: THIRTEEN_WEEK_GROUPS },
    effectiveFrom: '2020-01-01',
    effectiveTo: null,
    citation: 'LAB §61 stk. 1 nr. 2',
    source:
      'Lov om en aktiv beskæftigelsesindsats §61 stk. 1 nr. 2 (LBK 280 of 1 Mar 2024); kk.dk om virksomhedspraktik',
    verification: 'P',
    enforced: true,
  },
  {
    ruleId: 'VP-EXT-1',
    version: 1,
    title: 'Practicum extension to 26 weeks after a concrete assessment',
    params: { extendedMaxWeeks: 26, furtherStepWeeks: 13, targetGroups: THIRTEEN_WEEK_GROUPS },
    effectiveFrom: '2020-01-01',
    effectiveTo: null,
    citation: 'LAB §61 stk. 2',
    source: 'Lov om en aktiv beskæftigelsesindsats §61 stk. 2 (LBK 280 of 1 Mar 2024)',
    verification: 'V',
    enforced: true,
  },
  {
    ruleId: 'VP-HRS',
    version: 1,
    title: 'Practicum hours within normal full time',
    params: { maxWeeklyHours: 37 },
    effectiveFrom: '2020-01-01',
    effectiveTo: null,
    citation: 'BEK 2636/2021 §60 stk. 5',
    source: 'Bekendtgørelse nr. 2636 af 28 Dec 2021 om en aktiv beskæftigelsesindsats §60 stk. 5; kk.dk (37 hours)',
    verification: 'V',
    enforced: true,
  },
  {
    ruleId: 'RK-1',
    version: 1,
    title: 'Ratio rule: supported persons per ordinary employees on the production unit',
    params: { perOrdinaryUpToThreshold: 5, threshold: 50, perOrdinaryBeyond: 10, minimum: 1, fullTimeWeeklyHours: 37 },
    effectiveFrom: '2020-01-01',
    effectiveTo: null,
    citation: 'BEK 2636/2021 §65 stk. 1',
    source:
      'Bekendtgørelse nr. 2636 af 28 Dec 2021 om en aktiv beskæftigelsesindsats §65 stk. 1–4 (FTE count, RK-2/RK-3)',
    verification: 'V',
    enforced: true,
  },
  {
    ruleId: 'MEN-1',
    version: 1,
    title: 'Mentor grant period at most 6 months, renewable',
    params: { maxMonths: 6 },
    effectiveFrom: '2020-01-01',
    effectiveTo: null,
    citation: 'LAB §167 stk. 1',
    source: 'Lov om en aktiv beskæftigelsesindsats §167 stk. 1',
    verification: 'V',
    enforced: false,
  },
  {
    ruleId: 'MEN-TRAIN-1',
    version: 1,
    title: 'A practicum starts only with a trained mentor',
    params: { trainedStates: ['TRAINED', 'REFRESHER_DUE'] },
    effectiveFrom: '2020-01-01',
    effectiveTo: null,
    citation: 'local policy, collaboration model',
    source:
      'Job centre policy after "Samarbejdet med virksomhederne" (seeds/002): the job centre trains the company mentors',
    verification: 'LOCAL',
    enforced: true,
  },
  {
    ruleId: 'PR-INT-1',
    version: 1,
    title: 'Progress review interval per case (default, bounds)',
    params: { defaultDays: 14, minDays: 7, maxDays: 91 },
    effectiveFrom: '2020-01-01',
    effectiveTo: null,
    citation: 'local policy, frequent follow-up',
    source:
      'Job centre policy after "Samarbejdet med virksomhederne" (seeds/002): close, frequent follow-up on goals and progress',
    verification: 'LOCAL',
    enforced: true,
  },
  {
    ruleId: 'STUCK-AGR-1',
    version: 1,
    title: 'A case awaiting an agreement for longer than this is stuck',
    params: { maxDays: 14 },
    effectiveFrom: '2020-01-01',
    effectiveTo: null,
    citation: 'local policy, monitoring',
    source: 'Job centre policy: steering group monitoring (seeds/003)',
    verification: 'LOCAL',
    enforced: false,
  },
];

export class CaseworkRules1764058100000 implements MigrationInterface {
  name = 'CaseworkRules1764058100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE casework.rule (
        rule_id text NOT NULL,
        version integer NOT NULL,
        title text NOT NULL,
        params jsonb NOT NULL,
        effective_from date NOT NULL,
        effective_to date CHECK (effective_to > effective_from),
        citation text NOT NULL,
        source text NOT NULL,
        verification text NOT NULL CHECK (verification IN ('V', 'P', 'U', 'LOCAL')),
        enforced boolean NOT NULL,
        PRIMARY KEY (rule_id, version)
      )`);
    for (const rule of RULES) {
      await db.query(
        `INSERT INTO casework.rule (rule_id, version, title, params, effective_from, effective_to, citation, source,
           verification, enforced)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          rule.ruleId,
          rule.version,
          rule.title,
          JSON.stringify(rule.params),
          rule.effectiveFrom,
          rule.effectiveTo,
          rule.citation,
          rule.source,
          rule.verification,
          rule.enforced,
        ],
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE IF EXISTS casework.rule');
  }
}
