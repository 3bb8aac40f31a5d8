import { createRoot } from 'react-dom/client';
import { App } from './app';
import { readBootData } from './boot/boot-data';

const boot = readBootData();
document.documentElement.dataset.uiApi = boot.uiApiVersion;
createRoot(document.getElementById('root')!).render(<App boot={boot} />);
