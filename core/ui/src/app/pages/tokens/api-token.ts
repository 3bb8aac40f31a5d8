/** An API token as `GET /api/v1/tokens` answers it (never its value). */
export interface ApiToken {
  id: string;
  name: string;
  owner: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  expired: boolean;
}

export interface TokenList {
  items: ApiToken[];
  limits: { maxDays: number; defaultDays: number };
}

/** The scope that makes a token count as a member of its owner's teams (`TEAMS_SCOPE` in @portico/auth). */
export const TEAMS_SCOPE = 'teams';
