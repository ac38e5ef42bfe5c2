import { JoinColumn, ManyToOne, Entity, PrimaryColumn } from 'typeorm';
import { Delegation } from './delegation.entity';

/** A delegation's membership of a group, as France is a member of "EU and its member States". */
@Entity('group_memberships')
export class GroupMembership {
  @PrimaryColumn('varchar', { name: 'group_id', length: 36 })
  groupId!: string;

  @ManyToOne(() => Delegation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: Delegation;

  @PrimaryColumn('varchar', { name: 'member_id', length: 36 })
  memberId!: string;

  @ManyToOne(() => Delegation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id' })
  member?: Delegation;
}
