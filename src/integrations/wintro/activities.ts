import type { WintroClient, WintroVacancy } from './client';

export function createWintroActivities(wintro: WintroClient) {
  return {
    async wintroPutVacancies(vacancies: WintroVacancy[]): Promise<{ upserted: number; removed: number }> {
      return wintro.putVacancies(vacancies);
    },
    async wintroPutExclusions(postingId: string, emailHashes: string[]): Promise<void> {
      await wintro.putExclusions(postingId, emailHashes);
    },
  };
}

export type WintroActivities = ReturnType<typeof createWintroActivities>;
