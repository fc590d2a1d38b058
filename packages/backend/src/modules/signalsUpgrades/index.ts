export { signalsModuleUpgradesFromStartup as default } from './module';
