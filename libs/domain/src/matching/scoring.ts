/**
 * Reverse matching (omvendt formidling, seeds/000): the citizen is known, the company is sought.
 * Pure scoring so every point can be explained and tested; weights sum to 100.
 */
export interface CitizenProfile {
  competences: string[];
  wishes: string[];
  jobGoal: string | null;
  postcode: string;
  municipality: string;
}

export interface SeatCandidate {
  id: string;
  function: string;
  tasks: string[];
  weeklyHours: number;
  vacantSince: string | null;
}

export interface CompanyCandidate {
  id: string;
  name: string;
  industry: string;
  postcode: string;
  municipality: string;
  vacantSeats: SeatCandidate[];
  trainedMentors: number;
  enrolledMentors: number;
}

export type FactorName = 'competences' | 'wishes' | 'distance' | 'freeSeats' | 'mentors';

export interface Factor {
  factor: FactorName;
  points: number;
  maxPoints: number;
  explanation: string;
}

export interface Match {
  companyId: string;
  companyName: string;
  seatId: string | null;
  seatFunction: string | null;
  score: number;
  factors: Factor[];
}

export const WEIGHTS: Record<FactorName, number> = {
  competences: 30,
  wishes: 25,
  distance: 20,
  freeSeats: 15,
  mentors: 10,
};

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-zæøå0-9]+/)
    .filter((w) => w.length >= 4);

/** Related when one contains the other, or they share a word start ("lager" ~ "lagerarbejde"). */
export function related(a: string, b: string): boolean {
  const x = a.toLowerCase().trim();
  const y = b.toLowerCase().trim();
  if (!x || !y) return false;
  if (x.includes(y) || y.includes(x)) return true;
  return words(x).some((u) => words(y).some((v) => u.slice(0, 5) === v.slice(0, 5)));
}

const list = (items: string[]) => items.map((i) => `"${i}"`).join(', ');

function competenceMatches(citizen: CitizenProfile, seat: SeatCandidate): string[] {
  const work = [seat.function, ...seat.tasks];
  return citizen.competences.filter((c) => work.some((t) => related(c, t)));
}

function competences(citizen: CitizenProfile, seat: SeatCandidate | null): Factor {
  const max = WEIGHTS.competences;
  if (!seat)
    return {
      factor: 'competences',
      points: 0,
      maxPoints: max,
      explanation: 'No vacant seat to compare competences with.',
    };
  const hits = competenceMatches(citizen, seat);
  const points = Math.min(max, hits.length * 10);
  return {
    factor: 'competences',
    points,
    maxPoints: max,
    explanation: hits.length
      ? `${hits.length} of the citizen's competences (${list(hits)}) match the tasks of the seat "${seat.function}".`
      : `None of the citizen's competences match the tasks of the seat "${seat.function}".`,
  };
}

function wishes(citizen: CitizenProfile, company: CompanyCandidate, seat: SeatCandidate | null): Factor {
  const max = WEIGHTS.wishes;
  const wanted = [...citizen.wishes, ...(citizen.jobGoal ? [citizen.jobGoal] : [])];
  const industryHit = wanted.find((w) => related(w, company.industry));
  if (industryHit) {
    return {
      factor: 'wishes',
      points: max,
      maxPoints: max,
      explanation: `The citizen wishes "${industryHit}", which fits the company's industry (${company.industry}).`,
    };
  }
  const workHit = seat && wanted.find((w) => [seat.function, ...seat.tasks].some((t) => related(w, t)));
  if (workHit && seat) {
    return {
      factor: 'wishes',
      points: 15,
      maxPoints: max,
      explanation: `The citizen wishes "${workHit}", which fits the seat "${seat.function}" though not the industry.`,
    };
  }
  return {
    factor: 'wishes',
    points: 0,
    maxPoints: max,
    explanation: `The company's industry (${company.industry}) is not among the citizen's wishes.`,
  };
}

/** Postcodes as a distance proxy: Danish postcodes run roughly east to west. */
function distance(citizen: CitizenProfile, company: CompanyCandidate): Factor {
  const max = WEIGHTS.distance;
  const gap = Math.abs(Number(citizen.postcode) - Number(company.postcode));
  const [points, why] =
    citizen.postcode === company.postcode
      ? [max, `same postcode (${company.postcode})`]
      : citizen.municipality.toLowerCase() === company.municipality.toLowerCase()
        ? [16, `same municipality (${company.municipality})`]
        : gap <= 50
          ? [10, `a nearby postcode (${company.postcode}, ${gap} from the citizen's)`]
          : citizen.postcode[0] === company.postcode[0]
            ? [5, `the same postal region (${company.postcode[0]}xxx)`]
            : [0, `a distant postcode (${company.postcode})`];
  return { factor: 'distance', points, maxPoints: max, explanation: `The company lies in ${why}.` };
}

function freeSeats(company: CompanyCandidate): Factor {
  const max = WEIGHTS.freeSeats;
  const n = company.vacantSeats.length;
  const points = n === 0 ? 0 : Math.min(max, 10 + 2 * (n - 1));
  return {
    factor: 'freeSeats',
    points,
    maxPoints: max,
    explanation:
      n === 0
        ? 'No vacant seat under an active agreement: a seat must be agreed first (collaboration model 3).'
        : `${n} vacant seat${n === 1 ? '' : 's'} under an active agreement.`,
  };
}

function mentors(company: CompanyCandidate): Factor {
  const max = WEIGHTS.mentors;
  const [points, explanation] =
    company.trainedMentors > 0
      ? [
          max,
          `${company.trainedMentors} trained mentor${company.trainedMentors === 1 ? '' : 's'}: the practicum can start at once.`,
        ]
      : company.enrolledMentors > 0
        ? [5, 'A mentor is on the course: the practicum can start once the training is completed.']
        : [0, 'No trained mentor yet: a mentor must be trained before the practicum starts.'];
  return { factor: 'mentors', points, maxPoints: max, explanation };
}

/** Scores one company with its best seat for this citizen. */
export function scoreCompany(citizen: CitizenProfile, company: CompanyCandidate): Match {
  // The best seat is the one with most competence matches; on a tie the longest vacant.
  const seat =
    [...company.vacantSeats].sort(
      (a, b) =>
        competenceMatches(citizen, b).length - competenceMatches(citizen, a).length ||
        (a.vacantSince ?? '9999').localeCompare(b.vacantSince ?? '9999'),
    )[0] ?? null;
  const factors = [
    competences(citizen, seat),
    wishes(citizen, company, seat),
    distance(citizen, company),
    freeSeats(company),
    mentors(company),
  ];
  return {
    companyId: company.id,
    companyName: company.name,
    seatId: seat?.id ?? null,
    seatFunction: seat?.function ?? null,
    score: factors.reduce((sum, f) => sum + f.points, 0),
    factors,
  };
}

export function rank(citizen: CitizenProfile, companies: CompanyCandidate[], limit = 10): Match[] {
  return companies
    .map((c) => scoreCompany(citizen, c))
    .sort((a, b) => b.score - a.score || a.companyName.localeCompare(b.companyName))
    .slice(0, limit);
}
