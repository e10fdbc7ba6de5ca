import type { Schema, Struct } from '@strapi/strapi';

export interface ConsultationQuestion extends Struct.ComponentSchema {
  collectionName: 'components_consultation_questions';
  info: {
    description: 'A question the drafting agency asks the public';
    displayName: 'Consultation question';
  };
  attributes: {
    text: Schema.Attribute.Text & Schema.Attribute.Required;
  };
}

export interface FeedbackStatusChange extends Struct.ComponentSchema {
  collectionName: 'components_feedback_status_changes';
  info: {
    description: 'One moderation step of a feedback (who, when), appended automatically when its status changes';
    displayName: 'Status change';
  };
  attributes: {
    changedAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
    changedBy: Schema.Attribute.String &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
    note: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
    status: Schema.Attribute.Enumeration<
      ['received', 'assigned', 'answered', 'rejected', 'closed']
    > &
      Schema.Attribute.Required;
  };
}

export interface PolicyStageChange extends Struct.ComponentSchema {
  collectionName: 'components_policy_stage_changes';
  info: {
    description: "One step of a policy's life, appended automatically when its stage changes";
    displayName: 'Stage change';
  };
  attributes: {
    changedAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
    note: Schema.Attribute.Text;
    stage: Schema.Attribute.Enumeration<
      [
        'proposal',
        'drafting',
        'adopted',
        'promulgated',
        'implementing',
        'repealed',
      ]
    > &
      Schema.Attribute.Required;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'consultation.question': ConsultationQuestion;
      'feedback.status-change': FeedbackStatusChange;
      'policy.stage-change': PolicyStageChange;
    }
  }
}
