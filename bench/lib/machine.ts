// The machine a run was made on, named in every report: figures from another machine, or from the same
// one in another minute, are not comparable (only ratios within one run are).
import { cpus, freemem, loadavg, release, totalmem } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  os: string;
  date: string;
  /** Load average at the start of the run: a busy machine makes every figure slower. */
  load: string;
  freeRamGb: number;
}

export function describeMachine(): Machine {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    ramGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    freeRamGb: Math.round((freemem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${process.platform} ${release()}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    load: loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}

export function machineLine(m: Machine): string {
  return (
    `${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM (${m.freeRamGb} free), Node ${m.node}, ${m.os}; ` +
    `load ${m.load}; ${m.date}`
  );
}
