import { useI18n } from '../i18n/i18n';
import type { ProgressEntry } from '../types';

const WIDTH = 320;
const HEIGHT = 120;
const PAD = { left: 28, right: 12, top: 10, bottom: 22 };

/**
 * Assessments 1–5 over time as a small SVG line chart. The same numbers are in the table beside
 * it, so the chart is decoration for a screen reader (role img with a summary).
 */
export function ProgressChart({ title, entries }: { title: string; entries: ProgressEntry[] }) {
  const i18n = useI18n();
  const sorted = [...entries].sort((a, b) => a.recordedOn.localeCompare(b.recordedOn));
  if (sorted.length === 0) return null;
  const times = sorted.map((e) => Date.parse(e.recordedOn));
  const [first, last] = [Math.min(...times), Math.max(...times)];
  const x = (time: number) =>
    PAD.left +
    (last === first
      ? (WIDTH - PAD.left - PAD.right) / 2
      : ((time - first) / (last - first)) * (WIDTH - PAD.left - PAD.right));
  const y = (assessment: number) => PAD.top + ((5 - assessment) / 4) * (HEIGHT - PAD.top - PAD.bottom);
  const points = sorted.map((e, i) => `${x(times[i]).toFixed(1)},${y(e.assessment).toFixed(1)}`).join(' ');
  const summary = `${title}: ${sorted.map((e) => `${i18n.date(e.recordedOn)} ${e.assessment}`).join(', ')}`;
  return (
    <svg
      className="progress-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={summary}
      width={WIDTH}
      height={HEIGHT}
    >
      {[1, 2, 3, 4, 5].map((level) => (
        <g key={level}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(level)} y2={y(level)} className="grid" />
          <text x={PAD.left - 8} y={y(level) + 4} textAnchor="end" className="axis">
            {level}
          </text>
        </g>
      ))}
      <polyline points={points} className="line" />
      {sorted.map((e, i) => (
        <circle key={e.id} cx={x(times[i])} cy={y(e.assessment)} r={4} className="dot" />
      ))}
      <text x={PAD.left} y={HEIGHT - 4} className="axis">
        {i18n.date(sorted[0].recordedOn)}
      </text>
      {sorted.length > 1 && (
        <text x={WIDTH - PAD.right} y={HEIGHT - 4} textAnchor="end" className="axis">
          {i18n.date(sorted[sorted.length - 1].recordedOn)}
        </text>
      )}
    </svg>
  );
}
