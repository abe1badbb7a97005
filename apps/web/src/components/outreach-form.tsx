import { FormEvent, useState } from 'react';
import { api, ApiError } from '../api';
import { useAuth } from '../auth';
import { useI18n } from '../i18n/i18n';

const TYPES = ['VISIT', 'CALL', 'MEETING', 'EMAIL', 'EVENT'] as const;
const OUTCOMES = [
  'NONE',
  'ORDINARY_JOB',
  'WAGE_SUBSIDY_JOB',
  'FLEX_JOB',
  'TEMP_JOB',
  'ADULT_APPRENTICESHIP',
  'PRACTICUM_AGREEMENT',
  'JOB_ORDER',
] as const;

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Registers a visit, call or meeting with the company; the values stay when the server refuses. */
export function OutreachForm({ companyId, onSaved }: { companyId: string; onSaved: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { user } = useAuth();
  const [values, setValues] = useState({
    type: 'VISIT',
    occurredOn: today(),
    consultant: user?.displayName ?? '',
    campaign: '',
    outcome: 'NONE',
    count: '1',
    note: '',
  });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');
  const set = (key: keyof typeof values, value: string) => setValues((v) => ({ ...v, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus('');
    setFailure('');
    setErrors({});
    try {
      await api(`/api/companies/${companyId}/outreach-activities`, {
        method: 'POST',
        body: {
          type: values.type,
          occurredOn: values.occurredOn,
          consultant: values.consultant,
          campaign: values.campaign || undefined,
          note: values.note || undefined,
          outcomes: [{ kind: values.outcome, count: Number(values.count) }],
        },
      });
      setStatus(t('outreach.saved'));
      setValues((v) => ({ ...v, campaign: '', note: '', outcome: 'NONE', count: '1' }));
      onSaved();
    } catch (e) {
      if (e instanceof ApiError) setErrors(e.fieldErrors);
      setFailure(t('outreach.failed', { message: (e as Error).message }));
    }
  };

  const described = (field: string) =>
    errors[field] ? { 'aria-invalid': true, 'aria-describedby': `${field}-error` } : {};
  const fieldError = (field: string) =>
    errors[field] && (
      <p className="field-error" id={`${field}-error`}>
        {errors[field].join(' ')}
      </p>
    );

  return (
    <section className="card" aria-labelledby="outreach-form-heading">
      <h2 id="outreach-form-heading">{t('outreach.title')}</h2>
      <form onSubmit={submit} noValidate>
        <p role="status" aria-live="polite" className="notice">
          {status}
        </p>
        {failure && (
          <p role="alert" className="error">
            {failure}
          </p>
        )}
        <div className="field">
          <label htmlFor="outreach-type">{t('outreach.type')}</label>
          <select
            id="outreach-type"
            value={values.type}
            onChange={(e) => set('type', e.target.value)}
            {...described('type')}
          >
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {i18n.term(type)}
              </option>
            ))}
          </select>
          {fieldError('type')}
        </div>
        <div className="field">
          <label htmlFor="outreach-date">{t('outreach.date')}</label>
          <input
            id="outreach-date"
            type="date"
            required
            value={values.occurredOn}
            onChange={(e) => set('occurredOn', e.target.value)}
            {...described('occurredOn')}
          />
          {fieldError('occurredOn')}
        </div>
        <div className="field">
          <label htmlFor="outreach-consultant">{t('outreach.consultant')}</label>
          <input
            id="outreach-consultant"
            required
            value={values.consultant}
            onChange={(e) => set('consultant', e.target.value)}
            {...described('consultant')}
          />
          {fieldError('consultant')}
        </div>
        <div className="field">
          <label htmlFor="outreach-campaign">{t('outreach.campaign')}</label>
          <input id="outreach-campaign" value={values.campaign} onChange={(e) => set('campaign', e.target.value)} />
        </div>
        <fieldset>
          <legend>{t('outreach.outcome')}</legend>
          <div className="field">
            <label htmlFor="outreach-outcome">{t('outreach.outcome')}</label>
            <select id="outreach-outcome" value={values.outcome} onChange={(e) => set('outcome', e.target.value)}>
              {OUTCOMES.map((kind) => (
                <option key={kind} value={kind}>
                  {i18n.term(kind)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="outreach-count">{t('outreach.count')}</label>
            <input
              id="outreach-count"
              type="number"
              min={1}
              max={1000}
              inputMode="numeric"
              value={values.count}
              onChange={(e) => set('count', e.target.value)}
              {...described('outcomes.0.count')}
            />
            {fieldError('outcomes.0.count')}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="outreach-note">{t('outreach.note')}</label>
          <textarea id="outreach-note" rows={3} value={values.note} onChange={(e) => set('note', e.target.value)} />
        </div>
        <button type="submit">{t('outreach.submit')}</button>
      </form>
    </section>
  );
}
