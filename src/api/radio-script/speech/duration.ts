export * from '../../../common/speech-duration';
