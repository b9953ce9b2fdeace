import { describe, expect, it } from 'vitest';
import { resolveWatchlist } from '../../../src/core/digest/watchlist.ts';
import { bundledEngine } from '../../helpers/engine.ts';

const ids = (text: string) => {
  const r = resolveWatchlist(bundledEngine().snapshot, text);
  if (!r.ok) throw new Error(r.message);
  return r.companies.map((c) => c.id);
};

describe('resolveWatchlist', () => {
  it('reads English names, both Chinese scripts and tickers, in any mix', () => {
    expect(ids('cloudwalk qingcloud')).toEqual(['cloudwalk-technology', 'qingcloud-technology']);
    expect(ids('雲從科技, 青云科技')).toEqual(['cloudwalk-technology', 'qingcloud-technology']);
    expect(ids('688316')).toEqual(['qingcloud-technology']);
    expect(ids('Kingsoft Cloud and CloudWalk Technology')).toEqual(['kingsoft-cloud', 'cloudwalk-technology']);
    expect(ids('ＣｌｏｕｄＷａｌｋ')).toEqual(['cloudwalk-technology']);
    expect(ids('cloudwalk CloudWalk 云从科技')).toEqual(['cloudwalk-technology']);
  });

  it('empty text or "all" means every company', () => {
    expect(ids('')).toEqual([]);
    expect(ids('all')).toEqual([]);
    expect(ids('ALL')).toEqual([]);
  });

  it('an unknown name fails the list with a did-you-mean', () => {
    const r = resolveWatchlist(bundledEngine().snapshot, 'qingcloud clodwalk');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toBe('I don\'t know a company called "clodwalk". Did you mean CloudWalk Technology?');
      expect(r.suggestions).toContain('CloudWalk Technology');
    }
    const far = resolveWatchlist(bundledEngine().snapshot, 'Initech Holdings');
    expect(far.ok).toBe(false);
  });
});
