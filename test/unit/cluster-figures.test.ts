// The cluster test's rate figures: a wrong window count would pass or fail the Lever rate check falsely.
import { busiestWindow, peakInWindow, peakPerCalendarSecond, requestShapes } from '../cluster/figures';

describe('cluster figures', () => {
  it('finds the busiest sliding window, not only calendar seconds', () => {
    // 3 requests at the end of one second and 3 at the start of the next: 6 in one sliding second, 3 per calendar second.
    const times = [700, 800, 900, 1_000, 1_100, 1_200, 5_000];
    expect(busiestWindow(times, 1_000)).toEqual({ count: 6, at: 700 });
    expect(peakPerCalendarSecond(times)).toBe(3);
    // A window is half-open: two requests exactly 1 s apart are not in the same second.
    expect(peakInWindow([0, 1_000, 2_000], 1_000)).toBe(1);
    expect(peakInWindow([], 1_000)).toBe(0);
  });

  it('lists requests by method and path with ids left out, busiest first', () => {
    const shapes = requestShapes([
      { method: 'POST', path: '/v1/opportunities/3f2a-11/addTags' },
      { method: 'GET', path: '/v1/opportunities/3f2a-11?expand=applications' },
      { method: 'GET', path: '/v1/opportunities/9c4b-22?expand=applications' },
      { method: 'GET', path: '/v1/webhooks' },
    ]);
    expect(shapes).toBe('GET /v1/opportunities/:id x2, POST /v1/opportunities/:id/addTags x1, GET /v1/webhooks x1');
    expect(requestShapes([])).toBe('none');
  });
});
