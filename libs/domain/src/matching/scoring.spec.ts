import { CitizenProfile, CompanyCandidate, rank, related } from './scoring';

const citizen: CitizenProfile = {
  competences: ['truckcertifikat', 'varemodtagelse'],
  wishes: ['lager'],
  jobGoal: null,
  postcode: '8200',
  municipality: 'Aarhus',
};

const company = (over: Partial<CompanyCandidate>): CompanyCandidate => ({
  id: 'c',
  name: 'C',
  industry: 'Lager og logistik',
  postcode: '8200',
  municipality: 'Aarhus',
  vacantSeats: [
    {
      id: 's',
      function: 'Lagermedhjælper',
      tasks: ['varemodtagelse', 'truckkørsel'],
      weeklyHours: 20,
      vacantSince: null,
    },
  ],
  trainedMentors: 1,
  enrolledMentors: 0,
  ...over,
});

describe('reverse matching score', () => {
  it('relates words sharing a stem', () => {
    expect(related('truckcertifikat', 'truckkørsel')).toBe(true);
    expect(related('lager', 'Lager og logistik')).toBe(true);
    expect(related('kontor', 'rengøring')).toBe(false);
  });

  it('explains every factor and ranks the nearer, better fitting company first', () => {
    const [best, other] = rank(citizen, [
      company({
        id: 'far',
        name: 'Far',
        postcode: '6000',
        municipality: 'Kolding',
        industry: 'Restaurant',
        trainedMentors: 0,
      }),
      company({ id: 'near', name: 'Near' }),
    ]);
    expect(best.companyId).toBe('near');
    expect(best.score).toBe(85); // 20 competences + 25 wishes + 20 distance + 10 one seat + 10 mentor
    expect(best.factors.map((f) => f.factor)).toEqual(['competences', 'wishes', 'distance', 'freeSeats', 'mentors']);
    expect(best.factors.every((f) => f.explanation.length > 10)).toBe(true);
    expect(other.score).toBeLessThan(best.score);
    expect(other.factors.find((f) => f.factor === 'mentors')?.points).toBe(0);
  });
});
