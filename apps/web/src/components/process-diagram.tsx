import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { useEffect, useRef, useState } from 'react';
import type { CaseProcess } from '../types';

interface Canvas {
  addMarker(element: string, marker: string): void;
  zoom(level: string): void;
}
interface ElementRegistry {
  get(id: string): unknown;
}

/**
 * The case's process as a bpmn-js diagram (view only, pan and zoom), with done elements marked
 * green and waiting ones blue. Its caption lists the marked elements; the timeline says the same.
 */
export function ProcessDiagram({ process, label }: { process: CaseProcess; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!process.xml) return;
    const viewer = new NavigatedViewer({ container: container.current! });
    viewer
      .importXML(process.xml)
      .then(() => {
        const canvas = viewer.get<Canvas>('canvas');
        const registry = viewer.get<ElementRegistry>('elementRegistry');
        canvas.zoom('fit-viewport');
        for (const element of process.elements) {
          if (registry.get(element.elementId)) canvas.addMarker(element.elementId, `state-${element.state}`);
        }
      })
      .catch(() => setFailed(true));
    return () => viewer.destroy();
  }, [process]);
  if (!process.xml || failed) return null;
  return (
    <figure className="process-figure">
      <div ref={container} className="process-diagram" data-testid="process-diagram" />
      <figcaption className="visually-hidden">{label}</figcaption>
    </figure>
  );
}
