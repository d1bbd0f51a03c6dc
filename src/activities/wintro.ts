import type { WintroClient, WintroVacancy } from '../partners/wintro';

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
