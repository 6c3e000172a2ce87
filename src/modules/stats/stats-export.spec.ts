import { neutralised } from './stats-export.js';

describe('neutralised (CSV injection)', () => {
  it('prefixes text cells that a spreadsheet would read as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(neutralised(`${start}1+1`)).toBe(`'${start}1+1`);
  });

  it('leaves other text, numbers (negative too) and empty cells alone', () => {
    expect(neutralised('胶西镇')).toBe('胶西镇');
    expect(neutralised('a=b')).toBe('a=b');
    expect(neutralised(' =1')).toBe(' =1');
    expect(neutralised(-3)).toBe(-3);
    expect(neutralised(-0.25)).toBe(-0.25);
    expect(neutralised(null)).toBeNull();
  });
});
