'use client';

import type { Timeline } from '@/simulations/core/timeline';

/**
 * Saves the run as it stands (params and seed from the URL) as a classic libpcap file,
 * named after the topic and the params that change the run (e.g.
 * tcp-connection_closer-server_lossy-on_seed-7.pcap), so two downloads do not collide.
 */
export function PcapButton({ timeline, label, fileName }: { timeline: Timeline; label: string; fileName?: string }) {
  const download = async () => {
    // The encoders load only when asked for: they are not part of the first visit.
    const { timelinePcap } = await import('@/simulations/capture');
    const bytes = timelinePcap(timeline);
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/vnd.tcpdump.pcap' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName ?? `${timeline.topic}-${timeline.scenario}-seed${timeline.seed}.pcap`;
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
