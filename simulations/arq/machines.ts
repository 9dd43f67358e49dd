import { gbnReceiver, gbnSender } from './gbn';
import { srReceiver, srSender } from './sr';
import { tcpReceiver, tcpSender } from './tcp';
import type { ArqProtocol, ReceiverMachine, SenderMachine } from './types';

export interface MachinePair {
  sender: SenderMachine<unknown>;
  receiver: ReceiverMachine<unknown>;
}

/** Stop-and-wait is Go-Back-N run with a window of 1 (the config forces it). */
export function machinesFor(protocol: ArqProtocol): MachinePair {
  switch (protocol) {
    case 'stop-and-wait':
    case 'go-back-n':
      return { sender: gbnSender as SenderMachine<unknown>, receiver: gbnReceiver as ReceiverMachine<unknown> };
    case 'selective-repeat':
      return { sender: srSender as SenderMachine<unknown>, receiver: srReceiver as ReceiverMachine<unknown> };
    case 'tcp':
      return { sender: tcpSender as SenderMachine<unknown>, receiver: tcpReceiver as ReceiverMachine<unknown> };
  }
}
