import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppUser } from './app-user.entity';
import type { AuthUser } from './auth-user';
import { ensureDemoUsers } from './demo-users';
import { verifyPassword } from './passwords';

export function toAuthUser(user: AppUser): AuthUser {
  return {
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    groups: user.groups,
    jobCentreId: user.jobCentreId,
  };
}

/** The built-in user store: checks passwords, finds users, keeps the demo users. */
@Injectable()
export class UsersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The user whose password this is, or null; an unknown name costs as much as a wrong password. */
  async authenticate(username: string, password: string): Promise<AuthUser | null> {
    const user = await this.dataSource
      .getRepository(AppUser)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :username AND u.active', { username: username.trim().toLowerCase() })
      .getOne();
    const ok = await verifyPassword(password, user?.passwordHash);
    return ok && user ? toAuthUser(user) : null;
  }

  async find(username: string): Promise<AuthUser | null> {
    const user = await this.dataSource.getRepository(AppUser).findOneBy({ username, active: true });
    return user ? toAuthUser(user) : null;
  }

  ensureDemoUsers(): Promise<string[]> {
    return ensureDemoUsers(this.dataSource);
  }
}
