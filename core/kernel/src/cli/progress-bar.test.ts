import { startProgressBar } from './progress-bar';

it('prints plain lines with count, share and rate when the output is not a terminal', () => {
  const lines: string[] = [];
  const bar = startProgressBar('Exporting', { output: { isTTY: false } as NodeJS.WriteStream, print: (line) => lines.push(line) });
  bar.update(0, 4000);
  bar.update(1000, 4000);
  bar.update(4000, 4000);
  bar.done('Exported 4000 entities');
  // The second update comes within two seconds of the first: only the first and the last count are printed.
  expect(lines).toEqual([
    expect.stringMatching(/^Exporting: 0 of 4,000 \(0 %\), \d+\/s$/),
    expect.stringMatching(/^Exporting: 4,000 of 4,000 \(100 %\), [\d,]+\/s$/),
    expect.stringMatching(/^Exported 4000 entities \(4,000 in \d+\.\d s, [\d,]+\/s\)$/),
  ]);
});

it('prints nothing off a terminal for a command that asks for silence there', () => {
  const lines: string[] = [];
  const bar = startProgressBar('Writing', { output: { isTTY: false } as NodeJS.WriteStream, print: (line) => lines.push(line), silentOffTerminal: true });
  bar.update(0, 10);
  bar.update(10, 10);
  bar.done('Wrote 10 entities');
  expect(lines).toEqual([]);
});
