import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import type { CaseView } from '../types';

/** The facts of a case: citizen, stage, company, seat, mentor, practicum period. */
export function CaseSummary({ view }: { view: CaseView }) {
  const i18n = useI18n();
  const { t } = i18n;
  const p = view.practicum;
  return (
    <dl className="facts">
      <dt>{t('case.citizen')}</dt>
      <dd>
        {view.citizen.firstName} {view.citizen.lastName}
      </dd>
      <dt>{t('case.cpr')}</dt>
      <dd>{view.citizen.cprMasked}</dd>
      <dt>{t('case.stage')}</dt>
      <dd>
        <span className="badge" data-testid="case-stage">
          {i18n.term(view.stage)}
        </span>{' '}
        <span className="muted">{i18n.dateTime(view.stageChangedAt)}</span>
      </dd>
      <dt>{t('case.caseworker')}</dt>
      <dd>{view.caseworker ?? t('common.none')}</dd>
      <dt>{t('case.company')}</dt>
      <dd>{view.company ? <Link to={`/companies/${view.company.id}`}>{view.company.name}</Link> : t('common.none')}</dd>
      <dt>{t('case.seat')}</dt>
      <dd>{view.seat ? `${view.seat.function} (${i18n.term(view.seat.state)})` : t('common.none')}</dd>
      <dt>{t('case.mentor')}</dt>
      <dd>{view.mentor ? `${view.mentor.name} (${i18n.term(view.mentor.trainingState)})` : t('common.none')}</dd>
      <dt>{t('case.period')}</dt>
      <dd>
        {p.startDate ? `${i18n.date(p.startDate)} – ${i18n.date(p.plannedEndDate)}` : t('common.none')}
        {p.weeklyHours !== null && <>, {t('case.weeklyHours', { hours: i18n.number(p.weeklyHours) })}</>}
      </dd>
    </dl>
  );
}
