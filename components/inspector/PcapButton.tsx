'use client';

import type { Timeline } from '@/simulations/core/timeline';

/**
 * Saves the run as it stands (params and seed from the URL) as a classic libpcap file,
 * named after the topic and the params that change the run (e.g.
 * tcp-connection_closer-server_lossy-on_seed-7.pcap), so two downloads do not collide.
 * A run that carries a TLS key log is saved as pcapng instead, the keys in a Decryption
 * Secrets Block, so Wireshark decrypts it with no key file (same name, `.pcapng`).
 */
export function PcapButton({ load, label, fileName }: { load: () => Promise<Timeline>; label: string; fileName?: string }) {
  const download = async () => {
    // The run with its packets' bytes (computed again when the page embedded it without them).
    const timeline = await load();
    // The encoders load only when asked for: they are not part of the first visit.
    const keyLog = timeline.tlsKeyLog;
    const name = fileName ?? `${timeline.topic}-${timeline.scenario}-seed${timeline.seed}.pcap`;
    const bytes = keyLog
      ? (await import('@/simulations/capture-pcapng')).timelinePcapng(timeline, { tlsKeyLog: keyLog })
      : (await import('@/simulations/capture')).timelinePcap(timeline);
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: keyLog ? 'application/x-pcapng' : 'application/vnd.tcpdump.pcap' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = keyLog ? name.replace(/\.pcap$/, '') + '.pcapng' : name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <button type="button" className="pcap-button" onClick={download} data-testid="pcap">
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
        <path d="M12 4v11m0 0l-5-5m5 5l5-5M5 19h14" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {label}
    </button>
  );
}
