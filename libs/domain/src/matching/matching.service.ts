import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CitizenService } from '../citizen/citizen.service';
import { CompanyCandidate, Match, rank, SeatCandidate } from './scoring';

interface CandidateRow {
  id: string;
  name: string;
  industry: string;
  postcode: string;
  municipality: string;
  seats: (Omit<SeatCandidate, 'weeklyHours'> & { weeklyHours: string | number })[];
  trained: number;
  enrolled: number;
}

/** Ranks companies and their vacant seats for a citizen, each result with its explanation. */
@Injectable()
export class MatchingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly citizens: CitizenService,
  ) {}

  async suggest(citizenId: string, limit = 10): Promise<Match[]> {
    const citizen = await this.citizens.get(citizenId);
    return rank(citizen, await this.candidates(), limit);
  }

  /** Active companies with their vacant seats (under active agreements) and mentor counts, one query. */
  private async candidates(): Promise<CompanyCandidate[]> {
    const rows = await this.dataSource.query<CandidateRow[]>(`
      SELECT c.id, c.name, c.industry, c.postcode, c.municipality,
             coalesce((SELECT json_agg(json_build_object('id', s.id, 'function', s.function, 'tasks', s.tasks,
                                       'weeklyHours', s.weekly_hours, 'vacantSince', s.vacant_since))
                         FROM casework.seat s JOIN casework.agreement a ON a.id = s.agreement_id
                        WHERE a.company_id = c.id AND a.status = 'ACTIVE' AND s.state = 'AVAILABLE'), '[]') AS seats,
             (SELECT count(*)::int FROM casework.mentor m
               WHERE m.company_id = c.id AND m.training_state IN ('TRAINED', 'REFRESHER_DUE')) AS trained,
             (SELECT count(*)::int FROM casework.mentor m
               WHERE m.company_id = c.id AND m.training_state = 'ENROLLED') AS enrolled
        FROM casework.company c
       WHERE c.status = 'ACTIVE'`);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      industry: r.industry,
      postcode: r.postcode,
      municipality: r.municipality,
      vacantSeats: r.seats.map((s) => ({ ...s, weeklyHours: Number(s.weeklyHours) })),
      trainedMentors: r.trained,
      enrolledMentors: r.enrolled,
    }));
  }
}
